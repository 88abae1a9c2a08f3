-- InvokeAI migration 9 (v4.0.1): empties the queue.
DELETE FROM session_queue;
