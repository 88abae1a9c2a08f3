package dbmedic.core.immich.migrate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The Immich facts the plans are made of, read from {@code /dbmedic/packs/immich-migration.json}:
 * the vector tables with their keys and indexes, Immich's VectorChord index statement, the
 * image-swap instructions per setup and the notes shown after a plan.
 */
record MigrationPacks(List<TableEntry> vectorTables, String vchordIndexTemplate, SwapEntry imageSwap,
                      List<String> pgvectorNotes, List<String> afterConvert) {
    static final String RESOURCE = "/dbmedic/packs/immich-migration.json";

    record TableEntry(String table, String key, String index) {
    }

    record SwapEntry(String summary, List<SetupInstruction> instructions) {
    }

    static MigrationPacks load() {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = MigrationPacks.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Knowledge resource missing: " + RESOURCE);
            }
            return mapper.readValue(in, MigrationPacks.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    String keyOf(String table) {
        return vectorTables.stream().filter(t -> t.table().equals(table)).map(TableEntry::key).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a vector table: " + table));
    }

    String indexOf(String table) {
        return vectorTables.stream().filter(t -> t.table().equals(table)).map(TableEntry::index).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Not a vector table: " + table));
    }

    List<String> tableNames() {
        return vectorTables.stream().map(TableEntry::table).toList();
    }
}
