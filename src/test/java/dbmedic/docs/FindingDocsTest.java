package dbmedic.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every finding id the code or a knowledge pack can emit has its page in docs/findings, and
 * every page belongs to an id that exists (no stale docs).
 */
class FindingDocsTest {
    // Finding ids are "<area>.<kebab-name>" string literals; file names (.db, .json …) are not ids.
    private static final Pattern ID = Pattern.compile("\"((?:app|sqlite|postgres|immich|compose|invokeai|gpustack)\\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)\"");
    // In the packs, only "findingId" values are finding ids ("id" names an error rule).
    private static final Pattern PACK_ID = Pattern.compile("\"findingId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Set<String> NOT_IDS = Set.of("compose.yaml", "compose.yml", "invokeai.db", "invokeai.yaml",
            "invokeai.json", "gpustack.json", "sqlite.md", "invokeai.md", "gpustack.md", "immich.json", "immich.md",
            "postgres.md");

    @Test
    void everyFindingIdHasADocsPageAndEveryPageAnId() throws IOException {
        Set<String> ids = new TreeSet<>();
        for (Path root : new Path[] {Path.of("src/main/java"), Path.of("src/main/resources/dbmedic/packs")}) {
            Pattern pattern = root.toString().contains("packs") ? PACK_ID : ID;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = pattern.matcher(Files.readString(file));
                    while (m.find()) {
                        if (!NOT_IDS.contains(m.group(1))) {
                            ids.add(m.group(1));
                        }
                    }
                }
            }
        }
        assertFalse(ids.isEmpty(), "no finding ids found: the scan is broken");
        Set<String> missing = new TreeSet<>();
        for (String id : ids) {
            if (!Files.isRegularFile(Path.of("docs/findings", id + ".md"))) {
                missing.add(id);
            }
        }
        assertTrue(missing.isEmpty(), "finding ids without docs/findings/<id>.md: " + missing);

        Set<String> stale = new TreeSet<>();
        try (Stream<Path> pages = Files.list(Path.of("docs/findings"))) {
            pages.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".md"))
                    .map(n -> n.substring(0, n.length() - 3)).filter(id -> !ids.contains(id)).forEach(stale::add);
        }
        assertTrue(stale.isEmpty(), "docs pages for ids no code emits: " + stale);
    }
}
