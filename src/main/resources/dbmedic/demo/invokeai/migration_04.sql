-- InvokeAI migration 4 (v3.6.1): model metadata and tags (dropped again by migration 7).
CREATE TABLE IF NOT EXISTS model_metadata (
    id TEXT NOT NULL PRIMARY KEY,
    name TEXT GENERATED ALWAYS AS (json_extract(metadata, '$.name')) VIRTUAL NOT NULL,
    author TEXT GENERATED ALWAYS AS (json_extract(metadata, '$.author')) VIRTUAL NOT NULL,
    -- Serialized JSON representation of the whole metadata object,
    -- which will contain additional fields from subclasses
    metadata TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- Updated via trigger
    updated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    FOREIGN KEY(id) REFERENCES model_config(id) ON DELETE CASCADE
);
CREATE TABLE IF NOT EXISTS model_tags (
    model_id TEXT NOT NULL,
    tag_id INTEGER NOT NULL,
    FOREIGN KEY(model_id) REFERENCES model_config(id) ON DELETE CASCADE,
    FOREIGN KEY(tag_id) REFERENCES tags(tag_id) ON DELETE CASCADE,
    UNIQUE(model_id,tag_id)
);
CREATE TABLE IF NOT EXISTS tags (
    tag_id INTEGER NOT NULL PRIMARY KEY,
    tag_text TEXT NOT NULL UNIQUE
);
CREATE TRIGGER IF NOT EXISTS model_metadata_updated_at
AFTER UPDATE
ON model_metadata FOR EACH ROW
BEGIN
    UPDATE model_metadata SET updated_at = STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')
        WHERE id = old.id;
END;
