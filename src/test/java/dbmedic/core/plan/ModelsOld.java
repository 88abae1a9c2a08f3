package dbmedic.core.plan;

import java.nio.file.Path;

/** InvokeAI's models_old leftover (invokeai.md §8), produced the way migration 22 produced it. */
public final class ModelsOld {
    private ModelsOld() {
    }

    public static Path database(Path db) throws Exception {
        return TestDb.create(db,
                "CREATE TABLE models (id TEXT NOT NULL PRIMARY KEY, name TEXT)",
                "CREATE TABLE model_relationships (\n"
                        + "    -- model_key_1 and model_key_2 are the same as the key(primary key) in the models table\n"
                        + "    model_key_1 TEXT NOT NULL,\n"
                        + "    model_key_2 TEXT NOT NULL,\n"
                        + "    created_at TEXT DATETIME NOT NULL DEFAULT(STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),\n"
                        + "    PRIMARY KEY (model_key_1, model_key_2),\n"
                        + "    FOREIGN KEY (model_key_1) REFERENCES models(id) ON DELETE CASCADE,\n"
                        + "    FOREIGN KEY (model_key_2) REFERENCES models(id) ON DELETE CASCADE\n"
                        + ")",
                "CREATE INDEX keyx_model_relationships_model_key_2 ON model_relationships(model_key_2)",
                "INSERT INTO models VALUES ('a', 'A'), ('b', 'B'), ('c', 'C')",
                "INSERT INTO model_relationships (model_key_1, model_key_2) VALUES ('a', 'b'), ('b', 'c'), ('a', 'c')",
                // migration 22's order: rename, create, copy, drop (SQLite repoints the FKs to models_old)
                "ALTER TABLE models RENAME TO models_old",
                "CREATE TABLE models (id TEXT NOT NULL PRIMARY KEY, name TEXT, extra TEXT)",
                "INSERT INTO models (id, name) SELECT id, name FROM models_old WHERE id <> 'c'",
                "DROP TABLE models_old");
    }

}
