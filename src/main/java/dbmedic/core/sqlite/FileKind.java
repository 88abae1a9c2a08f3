package dbmedic.core.sqlite;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Says in a few words what a file that is not a SQLite database looks like. */
final class FileKind {
    private FileKind() {
    }

    static String describe(byte[] head, int length) {
        if (startsWith(head, length, 0x1f, 0x8b)) {
            return "it is a gzip archive (unpack it first)";
        }
        if (startsWith(head, length, 'P', 'K', 3, 4)) {
            return "it is a zip archive (unpack it first)";
        }
        if (startsWith(head, length, 'S', 'Q', 'L', 'i', 't', 'e')) {
            return "its header is not \"SQLite format 3\" (damaged, or an unsupported SQLite format)";
        }
        String text = asText(head, length);
        if (text != null) {
            String firstLine = text.strip().lines().findFirst().orElse("");
            if (firstLine.length() > 40) {
                firstLine = firstLine.substring(0, 40) + "...";
            }
            return firstLine.isEmpty() ? "it is a text file with only blank characters"
                    : "it is a text file (it starts with \"" + firstLine + "\")";
        }
        return "it holds unrecognised binary data (random bytes, or an encrypted database), without the \"SQLite format 3\" header";
    }

    private static boolean startsWith(byte[] head, int length, int... bytes) {
        if (length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((head[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes as text when they are valid UTF-8 without control characters, else null. */
    private static String asText(byte[] head, int length) {
        // A cut in the middle of a multi-byte character at the end is fine: drop up to 3 bytes.
        for (int cut = 0; cut <= Math.min(3, length - 1); cut++) {
            try {
                String s = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(head, 0, length - cut)).toString();
                boolean printable = s.chars().allMatch(c -> c == '\n' || c == '\r' || c == '\t' || c == '\f' || c >= 0x20 && c != 0x7f);
                return printable ? s : null;
            } catch (CharacterCodingException e) {
                // try a shorter prefix
            }
        }
        return null;
    }
}
