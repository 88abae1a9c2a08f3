package dbmedic.core.postgres.conf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Server files held in memory: for tests, and for files the engine already fetched. */
public final class MemoryServerFiles implements ServerFiles {

    private final Map<String, String> files = new LinkedHashMap<>();
    private final Set<String> dirs = new LinkedHashSet<>();

    /** Adds (or replaces) a file; its parent folders come into existence with it. */
    public MemoryServerFiles file(String path, String text) {
        String p = ServerPaths.canonicalize(path);
        files.put(p, text);
        for (String d = ServerPaths.parent(p); d != null; d = ServerPaths.parent(d)) {
            dirs.add(d);
        }
        return this;
    }

    /** Adds an empty folder. */
    public MemoryServerFiles dir(String path) {
        String p = ServerPaths.canonicalize(path);
        for (String d = p; d != null; d = ServerPaths.parent(d)) {
            dirs.add(d);
        }
        return this;
    }

    @Override
    public Optional<String> read(String path) {
        return Optional.ofNullable(files.get(ServerPaths.canonicalize(path)));
    }

    @Override
    public Optional<List<String>> listRegularFiles(String dir) {
        String d = ServerPaths.canonicalize(dir);
        if (!dirs.contains(d)) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        for (String f : files.keySet()) {
            if (d.equals(ServerPaths.parent(f))) {
                names.add(f.substring(f.lastIndexOf('/') + 1));
            }
        }
        return Optional.of(names);
    }
}
