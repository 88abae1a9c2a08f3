-- InvokeAI migration 5 (v4.0.0): drops graph_executions.
DROP TABLE IF EXISTS graph_executions;
