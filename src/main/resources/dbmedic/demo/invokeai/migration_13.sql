-- InvokeAI migration 13 (v4.2.6): archived boards.
ALTER TABLE boards ADD COLUMN archived BOOLEAN DEFAULT FALSE;
