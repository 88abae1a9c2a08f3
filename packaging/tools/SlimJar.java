import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the shaded jar for one installer: without the classes of the given jars (JavaFX,
 * which lives in the jlinked runtime instead) and without sqlite-jdbc's native libraries (the
 * shaded jar carries about twenty). This platform's one is written to NATIVE_DIR instead, so
 * the app loads it from its install folder rather than unpacking it into the temp folder on
 * every start (which fails where /tmp is mounted noexec).
 *
 * <p>Run with the shaded jar on the class path so sqlite-jdbc itself names this platform:
 * {@code java -cp dbmedic.jar SlimJar.java IN OUT NATIVE_DIR [--without JAR]...}
 */
public final class SlimJar {
    private static final String SQLITE_NATIVE = "org/sqlite/native/";

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: SlimJar IN OUT NATIVE_DIR [--without JAR]...");
            System.exit(2);
        }
        Path in = Path.of(args[0]);
        Path out = Path.of(args[1]);
        Path nativeDir = Path.of(args[2]);
        Set<String> without = new HashSet<>();
        for (int i = 3; i < args.length; i += 2) {
            if (!args[i].equals("--without") || i + 1 >= args.length) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            without.addAll(entryNames(Path.of(args[i + 1])));
        }
        String keepNative = SQLITE_NATIVE + platformFolder() + "/";
        int kept = 0;
        int dropped = 0;
        String nativeName = null;
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.createDirectories(nativeDir);
        try (ZipFile zip = new ZipFile(in.toFile());
             ZipOutputStream zout = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                if (e.getName().startsWith(keepNative) && !e.isDirectory()) {
                    nativeName = e.getName().substring(keepNative.length());
                    try (InputStream data = zip.getInputStream(e)) {
                        Files.copy(data, nativeDir.resolve(nativeName), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
                if (drop(e.getName(), without)) {
                    dropped++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zout.putNextEntry(copy);
                try (InputStream data = zip.getInputStream(e)) {
                    data.transferTo(zout);
                }
                zout.closeEntry();
                kept++;
            }
        }
        if (nativeName == null) {
            throw new IllegalStateException("no sqlite-jdbc native library under " + keepNative);
        }
        System.out.printf("%s: kept %d entries, dropped %d; sqlite native %s -> %s%n",
                out.getFileName(), kept, dropped, keepNative + nativeName, nativeDir.resolve(nativeName));
    }

    private static boolean drop(String name, Set<String> without) {
        if (name.startsWith("META-INF/")) {
            // the app's manifest and service files stay; only the dropped jars' Maven metadata goes
            return name.startsWith("META-INF/maven/org.openjfx/");
        }
        if (name.startsWith(SQLITE_NATIVE)) {
            return true;
        }
        return without.contains(name);
    }

    /** sqlite-jdbc's own name for this platform's folder, e.g. {@code Linux/x86_64}. */
    private static String platformFolder() throws Exception {
        Class<?> osInfo = Class.forName("org.sqlite.util.OSInfo");
        return (String) osInfo.getMethod("getNativeLibFolderPathForCurrentOS").invoke(null);
    }

    private static List<String> entryNames(Path jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(e -> names.add(e.getName()));
        }
        return names;
    }
}
