-- InvokeAI migration 10 (v4.2.4): error columns of the queue.
ALTER TABLE session_queue ADD COLUMN error_type TEXT;
ALTER TABLE session_queue ADD COLUMN error_message TEXT;
ALTER TABLE session_queue RENAME COLUMN error TO error_traceback;
