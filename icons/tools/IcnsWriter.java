import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a macOS .icns from PNG files, one element per argument {@code TYPE=FILE.png}
 * (e.g. {@code ic08=dbmedic-256.png}). The container is 'icns' + total length, then per
 * element its four-letter type, its length including the 8-byte header, and the PNG bytes
 * unchanged: the layout iconutil writes (png2icns would re-encode the large sizes as JPEG 2000).
 *
 * <p>{@code java IcnsWriter.java OUT.icns TYPE=FILE.png...}
 */
public final class IcnsWriter {
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: IcnsWriter OUT.icns TYPE=FILE.png...");
            System.exit(2);
        }
        ByteArrayOutputStream elements = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(elements);
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            if (pair.length != 2 || pair[0].length() != 4) {
                throw new IllegalArgumentException("expected TYPE=FILE.png with a four-letter type: " + args[i]);
            }
            byte[] png = Files.readAllBytes(Path.of(pair[1]));
            if (!startsWith(png, PNG_SIGNATURE)) {
                throw new IllegalArgumentException(pair[1] + " is not a PNG file");
            }
            out.writeBytes(pair[0]);
            out.writeInt(png.length + 8);
            out.write(png);
        }
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(file);
        header.writeBytes("icns");
        header.writeInt(elements.size() + 8);
        elements.writeTo(file);
        Files.write(Path.of(args[0]), file.toByteArray());
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
