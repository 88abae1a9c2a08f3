-- InvokeAI migration 6 (v4.0.0): recreates the model_config trigger (the ip_adapter row clean-up has no rows to touch here).
CREATE TRIGGER IF NOT EXISTS model_config_updated_at
AFTER UPDATE
ON model_config FOR EACH ROW
BEGIN
    UPDATE model_config SET updated_at = STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')
        WHERE id = old.id;
END;
