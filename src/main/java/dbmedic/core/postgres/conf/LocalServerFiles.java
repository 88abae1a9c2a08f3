package dbmedic.core.postgres.conf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Server files read from a local copy: the server folder {@code serverDir} (e.g. the data
 * directory as the server sees it) is found at {@code localDir}. Paths outside that folder
 * read as missing. Only reads; never creates, changes or deletes anything.
 */
public final class LocalServerFiles implements ServerFiles {

    private final String serverDir;
    private final Path localDir;

    public LocalServerFiles(String serverDir, Path localDir) {
        this.serverDir = ServerPaths.canonicalize(serverDir);
        this.localDir = localDir;
    }

    private Optional<Path> local(String serverPath) {
        String p = ServerPaths.canonicalize(serverPath);
        String rel;
        if (p.equals(serverDir)) {
            rel = "";
        } else if (p.startsWith(serverDir.equals("/") ? "/" : serverDir + "/")) {
            rel = p.substring(serverDir.equals("/") ? 1 : serverDir.length() + 1);
        } else {
            return Optional.empty();
        }
        Path l = localDir;
        for (String part : rel.split("/")) {
            if (!part.isEmpty()) {
                l = l.resolve(part);
            }
        }
        return Optional.of(l);
    }

    @Override
    public Optional<String> read(String path) throws IOException {
        Optional<Path> l = local(path);
        if (l.isEmpty() || !Files.isRegularFile(l.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Files.readAllBytes(l.get()), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<List<String>> listRegularFiles(String dir) throws IOException {
        Optional<Path> l = local(dir);
        if (l.isEmpty() || !Files.isDirectory(l.get())) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(l.get())) {
            s.filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        return Optional.of(names);
    }
}
