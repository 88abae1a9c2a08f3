-- InvokeAI migration 3 (v3.5.0): model_config recreated with JSON-generated columns.
DROP TABLE IF EXISTS model_manager_metadata;
DROP TABLE IF EXISTS model_config;
CREATE TABLE IF NOT EXISTS model_config (
    id TEXT NOT NULL PRIMARY KEY,
    -- The next 3 fields are enums in python, unrestricted string here
    base TEXT GENERATED ALWAYS as (json_extract(config, '$.base')) VIRTUAL NOT NULL,
    type TEXT GENERATED ALWAYS as (json_extract(config, '$.type')) VIRTUAL NOT NULL,
    name TEXT GENERATED ALWAYS as (json_extract(config, '$.name')) VIRTUAL NOT NULL,
    path TEXT GENERATED ALWAYS as (json_extract(config, '$.path')) VIRTUAL NOT NULL,
    format TEXT GENERATED ALWAYS as (json_extract(config, '$.format')) VIRTUAL NOT NULL,
    original_hash TEXT, -- could be null
    -- Serialized JSON representation of the whole config object,
    -- which will contain additional fields from subclasses
    config TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- Updated via trigger
    updated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- unique constraint on combo of name, base and type
    UNIQUE(name, base, type)
);
