package dbmedic.core.target;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two settings of an InvokeAI root's invokeai.yaml that move or remove its database:
 * {@code db_dir} and {@code use_memory_db}. Read with a line pattern, not a YAML parser:
 * both are top-level scalars in the files InvokeAI writes.
 */
record InvokeAiYaml(Optional<String> dbDir, boolean useMemoryDb) {
    private static final Pattern DB_DIR = Pattern.compile("^db_dir:\\s*(.+?)\\s*$", Pattern.MULTILINE);
    private static final Pattern MEMORY = Pattern.compile("^use_memory_db:\\s*(\\S+)\\s*$", Pattern.MULTILINE);

    static InvokeAiYaml read(Path yaml) {
        String text;
        try {
            text = Files.readString(yaml);
        } catch (IOException | RuntimeException e) {
            return new InvokeAiYaml(Optional.empty(), false);
        }
        Matcher dir = DB_DIR.matcher(text);
        Optional<String> dbDir = dir.find() ? Optional.of(unquote(stripComment(dir.group(1)))) : Optional.empty();
        Matcher mem = MEMORY.matcher(text);
        boolean memory = mem.find() && stripComment(mem.group(1)).toLowerCase(Locale.ROOT).equals("true");
        return new InvokeAiYaml(dbDir.filter(s -> !s.isEmpty()), memory);
    }

    private static String stripComment(String value) {
        int hash = value.indexOf(" #");
        return (hash >= 0 ? value.substring(0, hash) : value).strip();
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
