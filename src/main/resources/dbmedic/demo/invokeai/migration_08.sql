-- InvokeAI migration 8 (v4.0.0): drops model_config (missed by migration 7); model paths made relative (data only).
DROP TABLE IF EXISTS model_config;
