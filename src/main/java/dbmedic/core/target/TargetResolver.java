package dbmedic.core.target;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Turns what the user gave (a path) into a target, or one clear line of why it cannot be used. */
public final class TargetResolver {
    static final String INVOKEAI_DB = "invokeai.db";
    static final String GPUSTACK_DB = "database.db";
    private static final List<String> SIDE_SUFFIXES = List.of("-wal", "-shm", "-journal");

    private TargetResolver() {
    }

    public static Target resolve(String spec) throws UnusableInputException {
        if (spec == null || spec.isBlank()) {
            throw new UnusableInputException("No target given: name a SQLite database file or an InvokeAI root folder");
        }
        String lower = spec.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgresql://") || lower.startsWith("postgres://")) {
            // The URL is not echoed: it may carry a password.
            throw new UnusableInputException("PostgreSQL targets are not supported yet; give a SQLite database file or folder");
        }
        Path given;
        try {
            given = Path.of(spec);
        } catch (InvalidPathException e) {
            throw new UnusableInputException("Not a valid path: " + PathText.of(spec), e);
        }
        if (Files.isDirectory(given)) {
            return resolveFolder(given);
        }
        if (Files.exists(given)) {
            return resolveFile(given);
        }
        throw new UnusableInputException("No such file or folder: " + PathText.of(given));
    }

    /** The app a database file's name suggests: invokeai.db → invokeai, database.db → gpustack. */
    public static String appHintFromName(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return null;
        }
        return switch (name.toString()) {
            case INVOKEAI_DB -> "invokeai";
            case GPUSTACK_DB -> "gpustack";
            default -> null;
        };
    }

    private static Target resolveFile(Path file) throws UnusableInputException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        for (String suffix : SIDE_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() > suffix.length()) {
                Path main = file.resolveSibling(name.substring(0, name.length() - suffix.length()));
                if (Files.isRegularFile(main)) {
                    throw new UnusableInputException(PathText.of(file) + " belongs to the database " + PathText.of(main)
                            + "; give that file instead");
                }
            }
        }
        return new SqliteTarget(file, absolute(file), appHintFromName(file));
    }

    private static Target resolveFolder(Path folder) throws UnusableInputException {
        Path rootDb = folder.resolve("databases").resolve(INVOKEAI_DB);
        if (Files.isRegularFile(rootDb)) {
            return new SqliteTarget(folder, absolute(rootDb), "invokeai");
        }
        Path invokeai = folder.resolve(INVOKEAI_DB);
        if (Files.isRegularFile(invokeai)) {
            return new SqliteTarget(folder, absolute(invokeai), "invokeai");
        }
        Path gpustack = folder.resolve(GPUSTACK_DB);
        if (Files.isRegularFile(gpustack)) {
            return new SqliteTarget(folder, absolute(gpustack), "gpustack");
        }
        Path yaml = folder.resolve("invokeai.yaml");
        if (Files.isRegularFile(yaml)) {
            return invokeAiRootWithoutDefaultDb(folder, yaml);
        }
        throw new UnusableInputException(PathText.of(folder) + " is a folder but holds no database (looked for databases/"
                + INVOKEAI_DB + ", " + INVOKEAI_DB + ", " + GPUSTACK_DB + ")");
    }

    /** An InvokeAI root whose database is elsewhere (db_dir) or nowhere (use_memory_db). */
    private static Target invokeAiRootWithoutDefaultDb(Path root, Path yaml) throws UnusableInputException {
        InvokeAiYaml config = InvokeAiYaml.read(yaml);
        String shown = PathText.of(root);
        if (config.useMemoryDb()) {
            throw new UnusableInputException(shown + " is an InvokeAI root whose invokeai.yaml sets use_memory_db: true,"
                    + " so InvokeAI keeps its database in memory and there is no file to diagnose");
        }
        Optional<String> dbDir = config.dbDir();
        if (dbDir.isPresent()) {
            Path candidate;
            try {
                candidate = root.resolve(dbDir.get()).resolve(INVOKEAI_DB);
            } catch (InvalidPathException e) {
                candidate = null;
            }
            if (candidate != null && Files.isRegularFile(candidate)) {
                return new SqliteTarget(root, absolute(candidate), "invokeai");
            }
            throw new UnusableInputException(shown + " is an InvokeAI root, but its invokeai.yaml sets db_dir: "
                    + PathText.of(dbDir.get()) + " and there is no " + INVOKEAI_DB + " there");
        }
        throw new UnusableInputException(shown + " is an InvokeAI root (it has invokeai.yaml) but holds no databases/"
                + INVOKEAI_DB + " (has Invoke never run here, or does it use use_memory_db?)");
    }

    private static Path absolute(Path p) {
        try {
            return p.toAbsolutePath().normalize();
        } catch (java.io.IOError | SecurityException e) {
            return p;
        }
    }
}
