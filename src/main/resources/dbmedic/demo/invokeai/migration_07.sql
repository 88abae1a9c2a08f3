-- InvokeAI migration 7 (v4.0.0): the v4 models table; old model tables dropped.
CREATE TABLE IF NOT EXISTS models (
    id TEXT NOT NULL PRIMARY KEY,
    hash TEXT GENERATED ALWAYS as (json_extract(config, '$.hash')) VIRTUAL NOT NULL,
    base TEXT GENERATED ALWAYS as (json_extract(config, '$.base')) VIRTUAL NOT NULL,
    type TEXT GENERATED ALWAYS as (json_extract(config, '$.type')) VIRTUAL NOT NULL,
    path TEXT GENERATED ALWAYS as (json_extract(config, '$.path')) VIRTUAL NOT NULL,
    format TEXT GENERATED ALWAYS as (json_extract(config, '$.format')) VIRTUAL NOT NULL,
    name TEXT GENERATED ALWAYS as (json_extract(config, '$.name')) VIRTUAL NOT NULL,
    description TEXT GENERATED ALWAYS as (json_extract(config, '$.description')) VIRTUAL,
    source TEXT GENERATED ALWAYS as (json_extract(config, '$.source')) VIRTUAL NOT NULL,
    source_type TEXT GENERATED ALWAYS as (json_extract(config, '$.source_type')) VIRTUAL NOT NULL,
    source_api_response TEXT GENERATED ALWAYS as (json_extract(config, '$.source_api_response')) VIRTUAL,
    trigger_phrases TEXT GENERATED ALWAYS as (json_extract(config, '$.trigger_phrases')) VIRTUAL,
    -- Serialized JSON representation of the whole config object, which will contain additional fields from subclasses
    config TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- Updated via trigger
    updated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- unique constraint on combo of name, base and type
    UNIQUE(name, base, type)
);
CREATE INDEX IF NOT EXISTS base_index ON models(base);
CREATE INDEX IF NOT EXISTS type_index ON models(type);
CREATE INDEX IF NOT EXISTS name_index ON models(name);
CREATE UNIQUE INDEX IF NOT EXISTS path_index ON models(path);
CREATE TRIGGER IF NOT EXISTS models_updated_at
AFTER UPDATE
ON models FOR EACH ROW
BEGIN
    UPDATE models SET updated_at = STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')
        WHERE id = old.id;
END;
DROP TABLE IF EXISTS model_config;
DROP TABLE IF EXISTS model_metadata;
DROP TABLE IF EXISTS model_tags;
DROP TABLE IF EXISTS tags;
