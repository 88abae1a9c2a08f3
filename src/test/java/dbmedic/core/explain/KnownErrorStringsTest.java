package dbmedic.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dbmedic.core.finding.Finding;
import dbmedic.core.knowledge.PackRegistry;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error string the knowledge files quote maps to its finding id and subject. */
class KnownErrorStringsTest {
    private static final ErrorExplainer EXPLAINER = new ErrorExplainer(PackRegistry.load());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            sqlite3.OperationalError: no such column: destination                                  | sqlite.missing-column   | session_queue.destination
            sqlite3.OperationalError: table session_queue has no column named destination          | sqlite.missing-column   | session_queue.destination
            sqlite3.IntegrityError: no such table: main.models_old                                 | sqlite.fk-wrong-parent  | model_relationships
            (sqlite3.OperationalError) no such column: model_instances.resolved_path               | sqlite.missing-column   | model_instances.resolved_path
            (sqlite3.OperationalError) no such column: model_instances.restart_count               | sqlite.missing-column   | model_instances.restart_count
            (sqlite3.OperationalError) table model_instances has no column named last_restart_time | sqlite.missing-column   | model_instances.last_restart_time
            (sqlite3.OperationalError) no such column: models.env                                  | sqlite.missing-column   | models.env
            (sqlite3.OperationalError) no such table: modelinstancemodelfilelink                   | sqlite.missing-table    | modelinstancemodelfilelink
            RuntimeError: Database migration failed: boom                                          | app.migration-failed    | alembic_version
            MigrationError: Error migrating database from 21 to 22: something                      | app.migration-failed    | migration_22
            MigrationError: Error running migration '2026_07_01_add_videos_tables': something      | app.migration-failed    | 2026_07_01_add_videos_tables
            MigrationError: Database contains unknown legacy migration version: 35                 | app.schema-newer        | migration_35
            MigrationError: Database contains unknown applied migration IDs: 2026_09_01_x          | app.schema-newer        | applied_migrations
            MigrationError: Database contains inconsistent applied migration state: x              | app.migration-failed    | applied_migrations
            sqlite3.OperationalError: Cannot add a NOT NULL column with default value NULL         | sqlite.add-column-rejected |
            sqlite3.OperationalError: Cannot add a UNIQUE column                                   | sqlite.add-column-rejected |
            sqlite3.OperationalError: cannot add a STORED column                                   | sqlite.add-column-rejected |
            (sqlite3.OperationalError) duplicate column name: categories                           | sqlite.duplicate-column | models.categories
            (sqlite3.OperationalError) no such column: models.image_only                           | sqlite.missing-column   | models.image_only
            (sqlite3.OperationalError) no such column: gpu_devices_view.network                    | sqlite.missing-column   | gpu_devices_view.network
            AttributeError: 'NoneType' object has no attribute 'get'                               | app.migration-failed    | model_instances.distributed_servers
            psycopg.errors.UndefinedColumn: column model_usage_details.completed does not exist     | postgres.missing-column | model_usage_details.completed
            sqlite3.DatabaseError: database disk image is malformed                                | sqlite.integrity        |
            sqlite3.OperationalError: database is locked                                           | sqlite.app-may-be-running |
            sqlite3.IntegrityError: FOREIGN KEY constraint failed                                  | sqlite.foreign-keys     |
            """)
    void mapsToItsFinding(String line, String id, String subject) {
        List<Finding> findings = EXPLAINER.explain(line);
        assertEquals(1, findings.size(), findings::toString);
        assertEquals(id, findings.get(0).id());
        assertEquals(subject, findings.get(0).subject());
    }
}
