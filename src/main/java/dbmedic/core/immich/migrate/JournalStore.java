package dbmedic.core.immich.migrate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Migration journals as JSON files, one per {@code host:port/database}. Every write goes to a
 * temporary file in the same folder that is then moved over the journal, so a crash leaves the
 * old or the new journal, never half of one. A finished plan's journal moves to {@code done/}.
 */
final class JournalStore {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** The file form: plain strings so any later DB Medic can read it. */
    record Json(int format, String serverKey, String planId, Map<String, Integer> dimensions, List<String> phasesDone,
                String phaseRunning, String backupFolder, String started, String updated) {
    }

    private final Path dir;

    JournalStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path file(String serverKey) {
        return dir.resolve(fileName(serverKey));
    }

    static String fileName(String serverKey) {
        StringBuilder b = new StringBuilder();
        for (char ch : serverKey.toCharArray()) {
            b.append(Character.isLetterOrDigit(ch) || ch == '.' || ch == '-' ? ch : '_');
        }
        // Distinct keys that sanitise alike still get distinct files.
        return b + "-" + Integer.toHexString(serverKey.hashCode()) + ".json";
    }

    Optional<MigrationJournal> read(String serverKey) {
        Path f = file(serverKey);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Json j = MAPPER.readValue(Files.readString(f, StandardCharsets.UTF_8), Json.class);
            return Optional.of(new MigrationJournal(j.serverKey(), j.planId(), j.dimensions() == null ? Map.of() : j.dimensions(),
                    j.phasesDone() == null ? List.of() : j.phasesDone(), Optional.ofNullable(j.phaseRunning()),
                    j.backupFolder(), Instant.parse(j.started()), Instant.parse(j.updated())));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("The migration journal " + f.getFileName() + " cannot be read ("
                    + e.getMessage() + "); move it away only if no migration is under way", e);
        }
    }

    void write(MigrationJournal j) {
        Json json = new Json(1, j.serverKey(), j.planId(), new LinkedHashMap<>(j.dimensions()), j.phasesDone(),
                j.phaseRunning().orElse(null), j.backupFolder(), j.started().toString(), j.updated().toString());
        try {
            Files.createDirectories(dir);
            Path target = file(j.serverKey());
            Path tmp = Files.createTempFile(dir, ".journal-", ".tmp");
            try {
                Files.writeString(tmp, MAPPER.writeValueAsString(json), StandardCharsets.UTF_8);
                try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the migration journal in " + dir + ": " + e.getMessage(), e);
        }
    }

    void delete(String serverKey) {
        try {
            Files.deleteIfExists(file(serverKey));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the migration journal: " + e.getMessage(), e);
        }
    }

    /** The plan is complete: keep its journal for the record, out of the way of the next one. */
    void archive(String serverKey) {
        Path f = file(serverKey);
        if (!Files.exists(f)) {
            return;
        }
        try {
            Path done = dir.resolve("done");
            Files.createDirectories(done);
            String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
            Files.move(f, done.resolve(f.getFileName().toString().replace(".json", "-" + stamp + ".json")),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot archive the migration journal " + f + ": " + e.getMessage(), e);
        }
    }
}
