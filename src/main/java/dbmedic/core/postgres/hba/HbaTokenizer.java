package dbmedic.core.postgres.hba;

import dbmedic.core.postgres.conf.ServerFiles;
import dbmedic.core.postgres.conf.ServerPaths;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Splits an authentication file into records the way hba.c's tokenize_auth_file,
 * next_field_expand and next_token do: backslash-newline joins lines (even inside quotes and
 * comments), {@code #} starts a comment outside quotes, fields are separated by blanks, a
 * field is a comma list, {@code @file} words are replaced by the words of that file.
 */
final class HbaTokenizer {

    /** A record: its fields (each a list of words), or the error that spoilt it. */
    record Line(String file, int line, String raw, List<List<HbaToken>> fields, String error) {
    }

    private final ServerFiles files;
    private final int major;

    HbaTokenizer(ServerFiles files, int major) {
        this.files = files;
        this.major = major;
    }

    /** Records of one file, without include processing. */
    List<Line> tokenize(String file, String text, int depth) throws IOException {
        List<Line> out = new ArrayList<>();
        String[] physical = text.split("\n", -1);
        int n = physical.length;
        // A final newline does not start another line.
        if (n > 0 && physical[n - 1].isEmpty()) {
            n--;
        }
        int i = 0;
        while (i < n) {
            int first = i + 1;
            StringBuilder buf = new StringBuilder();
            while (true) {
                String l = physical[i];
                if (l.endsWith("\r")) {
                    l = l.substring(0, l.length() - 1);
                }
                i++;
                if (l.endsWith("\\")) {
                    buf.append(l, 0, l.length() - 1);
                    if (i < n) {
                        continue;
                    }
                } else {
                    buf.append(l);
                }
                break;
            }
            String raw = buf.toString();
            List<List<HbaToken>> fields = new ArrayList<>();
            String[] err = new String[1];
            int[] pos = {0};
            while (pos[0] < raw.length() && err[0] == null) {
                List<HbaToken> field = nextFieldExpand(file, raw, pos, depth, err);
                if (!field.isEmpty()) {
                    fields.add(field);
                }
            }
            if (!fields.isEmpty() || err[0] != null) {
                out.add(new Line(file, first, raw, fields, err[0]));
            }
        }
        return out;
    }

    private List<HbaToken> nextFieldExpand(String file, String raw, int[] pos, int depth, String[] err)
            throws IOException {
        List<HbaToken> tokens = new ArrayList<>();
        boolean[] trailingComma = new boolean[1];
        do {
            HbaToken t = nextToken(raw, pos, trailingComma);
            if (t == null) {
                break;
            }
            if (!t.quoted() && t.text().startsWith("@") && t.text().length() > 1) {
                expandFile(tokens, file, t.text().substring(1), depth + 1, err);
            } else {
                tokens.add(t);
            }
        } while (trailingComma[0] && err[0] == null);
        return tokens;
    }

    /** next_token: null when the line has no more words. */
    private static HbaToken nextToken(String raw, int[] pos, boolean[] terminatingComma) {
        terminatingComma[0] = false;
        int p = pos[0];
        int len = raw.length();
        while (p < len && (isBlank(raw.charAt(p)) || raw.charAt(p) == ',')) {
            p++;
        }
        StringBuilder buf = new StringBuilder();
        boolean inQuote = false;
        boolean wasQuote = false;
        boolean sawQuote = false;
        boolean initialQuote = false;
        while (p < len && (!isBlank(raw.charAt(p)) || inQuote)) {
            char c = raw.charAt(p);
            if (c == '#' && !inQuote) {
                p = len;
                break;
            }
            if (c == ',' && !inQuote) {
                terminatingComma[0] = true;
                break;
            }
            if (c != '"' || wasQuote) {
                buf.append(c);
            }
            // Two double quotes inside quotes stand for one.
            if (inQuote && c == '"') {
                wasQuote = !wasQuote;
            } else {
                wasQuote = false;
            }
            if (c == '"') {
                inQuote = !inQuote;
                sawQuote = true;
                if (buf.length() == 0) {
                    initialQuote = true;
                }
            }
            p++;
        }
        pos[0] = p;
        if (!sawQuote && buf.length() == 0) {
            pos[0] = len;
            return null;
        }
        return new HbaToken(buf.toString(), initialQuote);
    }

    /** pg_isblank. */
    static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    /** tokenize_expand_file (16+) / tokenize_inc_file (14, 15). */
    private void expandFile(List<HbaToken> tokens, String outerFile, String name, int depth, String[] err)
            throws IOException {
        String full = ServerPaths.resolveAgainstFile(name, outerFile);
        if (depth > HbaFileParser.MAX_DEPTH) {
            err[0] = "could not open file \"" + full + "\": maximum nesting depth exceeded";
            return;
        }
        Optional<String> text = files.read(full);
        if (text.isEmpty()) {
            err[0] = major >= 16
                    ? "could not open file \"" + full + "\": No such file or directory"
                    : "could not open secondary authentication file \"@" + name + "\" as \"" + full
                            + "\": No such file or directory";
            return;
        }
        for (Line l : tokenize(full, text.get(), depth)) {
            if (l.error() != null) {
                err[0] = l.error();
                return;
            }
            for (List<HbaToken> f : l.fields()) {
                tokens.addAll(f);
            }
        }
    }
}
