package dbmedic.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs SQL scripts kept as classpath resources, one statement at a time.
 * The JDBC driver runs only the first statement of a string, so scripts are split here;
 * trigger bodies ({@code BEGIN ... END;}) stay whole and comments stay inside the statement
 * they belong to, so the schema text SQLite stores matches what the app's own DDL produces.
 */
public final class SqlScript {
    private SqlScript() {
    }

    /** Reads a classpath resource (absolute path without the leading slash) as UTF-8 text. */
    public static String load(String resource) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every statement of the resource on the connection (in its current transaction mode). */
    public static void run(Connection connection, String resource) throws SQLException {
        runText(connection, load(resource));
    }

    /** Runs every statement of the given script text. */
    public static void runText(Connection connection, String script) throws SQLException {
        try (Statement st = connection.createStatement()) {
            for (String sql : split(script)) {
                st.execute(sql);
            }
        }
    }

    /** Splits a script into statements; statements made only of comments are dropped. */
    public static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        StringBuilder word = new StringBuilder();
        List<String> words = new ArrayList<>();
        boolean hasCode = false;
        int n = script.length();
        for (int i = 0; i < n; i++) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int end = script.indexOf('\n', i);
                end = end < 0 ? n : end;
                current.append(script, i, end);
                i = end - 1;
                flushWord(word, words);
                continue;
            }
            if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                current.append(script, i, end);
                i = end - 1;
                flushWord(word, words);
                continue;
            }
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < n) {
                    if (script.charAt(j) == close) {
                        if (close != ']' && j + 1 < n && script.charAt(j + 1) == close) {
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    j++;
                }
                int end = Math.min(j + 1, n);
                current.append(script, i, end);
                i = end - 1;
                hasCode = true;
                flushWord(word, words);
                continue;
            }
            if (c == ';') {
                flushWord(word, words);
                current.append(c);
                if (!isTrigger(words) || closesTrigger(words)) {
                    if (hasCode) {
                        out.add(current.toString().trim());
                    }
                    current.setLength(0);
                    words.clear();
                    hasCode = false;
                }
                continue;
            }
            current.append(c);
            if (Character.isLetterOrDigit(c) || c == '_') {
                word.append(c);
                hasCode = true;
            } else {
                flushWord(word, words);
                if (!Character.isWhitespace(c)) {
                    hasCode = true;
                }
            }
        }
        flushWord(word, words);
        if (hasCode && !current.toString().isBlank()) {
            out.add(current.toString().trim());
        }
        return out;
    }

    private static void flushWord(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString().toUpperCase(Locale.ROOT));
            word.setLength(0);
        }
    }

    /** True when the last word is the END of the trigger body, not of a CASE expression. */
    private static boolean closesTrigger(List<String> words) {
        int caseDepth = 0;
        boolean lastClosesBody = false;
        for (String w : words) {
            if (w.equals("CASE")) {
                caseDepth++;
                lastClosesBody = false;
            } else if (w.equals("END")) {
                lastClosesBody = caseDepth == 0;
                caseDepth = Math.max(0, caseDepth - 1);
            } else {
                lastClosesBody = false;
            }
        }
        return lastClosesBody;
    }

    private static boolean isTrigger(List<String> words) {
        if (words.isEmpty() || !words.get(0).equals("CREATE")) {
            return false;
        }
        for (int k = 1; k < Math.min(words.size(), 4); k++) {
            if (words.get(k).equals("TRIGGER")) {
                return true;
            }
        }
        return false;
    }
}
