-- InvokeAI migration 2 (v3.5.0): workflow library. (The embedded-workflow scan of image files is file work, not schema.)
ALTER TABLE images ADD COLUMN has_workflow BOOLEAN DEFAULT FALSE;
ALTER TABLE session_queue ADD COLUMN workflow TEXT;
DROP TABLE IF EXISTS workflow_images;
DROP TABLE IF EXISTS workflows;
CREATE TABLE IF NOT EXISTS workflow_library (
    workflow_id TEXT NOT NULL PRIMARY KEY,
    workflow TEXT NOT NULL,
    created_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- updated via trigger
    updated_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- updated manually when retrieving workflow
    opened_at DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),
    -- Generated columns, needed for indexing and searching
    category TEXT GENERATED ALWAYS as (json_extract(workflow, '$.meta.category')) VIRTUAL NOT NULL,
    name TEXT GENERATED ALWAYS as (json_extract(workflow, '$.name')) VIRTUAL NOT NULL,
    description TEXT GENERATED ALWAYS as (json_extract(workflow, '$.description')) VIRTUAL NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_workflow_library_created_at ON workflow_library(created_at);
CREATE INDEX IF NOT EXISTS idx_workflow_library_updated_at ON workflow_library(updated_at);
CREATE INDEX IF NOT EXISTS idx_workflow_library_opened_at ON workflow_library(opened_at);
CREATE INDEX IF NOT EXISTS idx_workflow_library_category ON workflow_library(category);
CREATE INDEX IF NOT EXISTS idx_workflow_library_name ON workflow_library(name);
CREATE INDEX IF NOT EXISTS idx_workflow_library_description ON workflow_library(description);
CREATE TRIGGER IF NOT EXISTS tg_workflow_library_updated_at
AFTER UPDATE
ON workflow_library FOR EACH ROW
BEGIN
    UPDATE workflow_library
    SET updated_at = STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')
    WHERE workflow_id = old.workflow_id;
END;
DROP TABLE IF EXISTS model_manager_metadata;
