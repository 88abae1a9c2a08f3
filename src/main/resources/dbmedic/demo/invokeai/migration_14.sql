-- InvokeAI migration 14 (v4.2.8): style presets.
CREATE TABLE IF NOT EXISTS style_presets (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT NOT NULL,
    preset_data TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT "user",
    created_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- Updated via trigger
    updated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW'))
);
CREATE INDEX IF NOT EXISTS idx_style_presets_name ON style_presets(name);
CREATE TRIGGER IF NOT EXISTS style_presets
AFTER UPDATE
ON style_presets FOR EACH ROW
BEGIN
    UPDATE style_presets SET updated_at = STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')
        WHERE id = old.id;
END;
