package dbmedic.core.appdata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppDirectoriesTest {
    @Test
    void linuxFollowsXdgAndFallsBackToLocalShare() {
        assertEquals(Path.of("/data/dbmedic"), AppDirectories.dataDir("Linux", Map.of("XDG_DATA_HOME", "/data"), "/home/a"));
        assertEquals(Path.of("/home/a/.local/share/dbmedic"), AppDirectories.dataDir("Linux", Map.of(), "/home/a"));
        // The XDG spec says relative values are invalid and must be ignored.
        assertEquals(Path.of("/home/a/.local/share/dbmedic"),
                AppDirectories.dataDir("Linux", Map.of("XDG_DATA_HOME", "rel"), "/home/a"));
    }

    @Test
    void windowsUsesAppDataAndMacApplicationSupport() {
        assertEquals(Path.of("C:/Users/a/AppData/Roaming", "DB Medic"),
                AppDirectories.dataDir("Windows 11", Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "C:/Users/a"));
        assertEquals(Path.of("/Users/a/Library/Application Support/DB Medic"),
                AppDirectories.dataDir("Mac OS X", Map.of(), "/Users/a"));
    }
}
