package dbmedic.core.logs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;

/**
 * Stand-ins for {@code docker}, {@code kubectl} and {@code journalctl}: a small wrapper script
 * (sh, or .cmd on Windows) first on the child's PATH runs this class, so the same tests run on
 * every OS. Environment: ARGS_FILE (the arguments are written there), PID_FILE, FEED (a file
 * whose lines {@code docker logs -f} passes on as they are appended).
 */
public final class StandInTool {
    private StandInTool() {
    }

    /** Writes the wrapper scripts for the three tools into {@code bin}. */
    static void install(Path bin) throws IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes;
        try {
            classes = Path.of(StandInTool.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        boolean windows = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("win");
        for (String tool : List.of("docker", "kubectl", "journalctl")) {
            if (windows) {
                Files.writeString(bin.resolve(tool + ".cmd"), "@\"" + javaBin + "\" -cp \"" + classes + "\" "
                        + StandInTool.class.getName() + " " + tool + " %*\r\n");
            } else {
                Path script = bin.resolve(tool);
                Files.writeString(script, "#!/bin/sh\nexec '" + javaBin + "' -cp '" + classes + "' "
                        + StandInTool.class.getName() + " " + tool + " \"$@\"\n");
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    public static void main(String[] argv) throws Exception {
        String tool = argv[0];
        List<String> args = Arrays.asList(argv).subList(1, argv.length);
        Files.writeString(Path.of(System.getenv("ARGS_FILE")), String.join(" ", args));
        switch (tool) {
            case "docker" -> docker(args);
            case "kubectl" -> {
                System.err.println("Error from server (NotFound): pods \"immich-server-0\" not found");
                System.exit(1);
            }
            case "journalctl" -> {
                System.out.println("[Nest] 9  - 05/22/2025, 10:37:39 AM     LOG [Api:DatabaseRepository] Reindexed face_index");
                System.out.println("-- No entries --");
            }
            default -> System.exit(2);
        }
    }

    private static void docker(List<String> args) throws Exception {
        String container = args.get(args.size() - 1);
        if (!container.equals("immich_server")) {
            System.err.println("Error response from daemon: No such container: " + container);
            System.exit(1);
        }
        System.out.println("[Nest] 7  - 05/22/2025, 10:33:57 AM     LOG [Api:DatabaseRepository] Reindexing clip_index");
        System.out.flush();
        // docker passes the app's stderr on to its own stderr.
        System.err.println("PostgresError: must be owner of extension vchord");
        System.err.flush();
        if (args.size() > 1 && args.get(1).equals("-f")) {
            Files.writeString(Path.of(System.getenv("PID_FILE")), Long.toString(ProcessHandle.current().pid()));
            follow(Path.of(System.getenv("FEED")));
        }
    }

    /** Passes on what is appended to the feed until killed. */
    private static void follow(Path feed) throws Exception {
        long position = 0;
        while (true) {
            try (RandomAccessFile f = new RandomAccessFile(feed.toFile(), "r")) {
                if (f.length() > position) {
                    byte[] bytes = new byte[(int) (f.length() - position)];
                    f.seek(position);
                    f.readFully(bytes);
                    position += bytes.length;
                    System.out.print(new String(bytes, StandardCharsets.UTF_8));
                    System.out.flush();
                }
            }
            Thread.sleep(10);
        }
    }
}
