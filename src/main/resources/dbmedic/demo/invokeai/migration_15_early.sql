-- InvokeAI migration 15 as the v4.2.9 dev builds shipped it (commit 03809763a6, 2024-07-01):
-- only `origin`. `destination` was added to the same migration later (6877db12c9), so a database
-- migrated by those builds is recorded at version 15 without it.
ALTER TABLE session_queue ADD COLUMN origin TEXT;
