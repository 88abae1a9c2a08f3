package dbmedic.core.appdata;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where DB Medic keeps its own files (log, later migration journals), per OS convention:
 * XDG on Linux, %APPDATA% on Windows, Application Support on macOS.
 */
public final class AppDirectories {
    private AppDirectories() {
    }

    public static Path dataDir() {
        return dataDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    static Path dataDir(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return (appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(home, "AppData", "Roaming"))
                    .resolve("DB Medic");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "DB Medic");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return (xdg != null && xdg.startsWith("/") ? Path.of(xdg) : Path.of(home, ".local", "share")).resolve("dbmedic");
    }

    public static Path logDir() {
        return dataDir().resolve("logs");
    }
}
