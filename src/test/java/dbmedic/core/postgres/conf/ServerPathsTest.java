package dbmedic.core.postgres.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerPathsTest {

    @Test
    void canonicalizeAndParent() {
        assertEquals("/etc/postgresql/conf.d/a.conf", ServerPaths.canonicalize("/etc//postgresql/./x/../conf.d/a.conf/"));
        assertEquals("/", ServerPaths.canonicalize("/../.."));
        assertEquals("/etc", ServerPaths.parent("/etc/postgresql"));
        assertEquals("/", ServerPaths.parent("/etc"));
        assertNull(ServerPaths.parent("/"));
    }

    @Test
    void relativeNamesResolveAgainstTheReferencingFilesFolder() {
        assertEquals("/data/conf.d/x.conf", ServerPaths.resolveAgainstFile("conf.d/x.conf", "/data/postgresql.conf"));
        assertEquals("/etc/x.conf", ServerPaths.resolveAgainstFile("../x.conf", "/etc/pg/postgresql.conf"));
        assertEquals("/abs/x.conf", ServerPaths.resolveAgainstFile("/abs/x.conf", "/data/postgresql.conf"));
    }

    @Test
    void cLocaleOrderIsByteOrder() {
        List<String> names = new ArrayList<>(List.of("b.conf", "a.conf", "B.conf", "_x.conf", "10.conf", "9.conf",
                "é.conf", "z.conf"));
        names.sort(ServerPaths::compareC);
        assertEquals(List.of("10.conf", "9.conf", "B.conf", "_x.conf", "a.conf", "b.conf", "z.conf", "é.conf"), names);
    }

    @Test
    void confFilesInDirFiltersAndSorts() throws IOException {
        MemoryServerFiles f = new MemoryServerFiles()
                .file("/d/b.conf", "").file("/d/a.conf", "").file("/d/.a.conf", "").file("/d/a.CONF", "")
                .file("/d/readme", "").file("/d/sub/c.conf", "");
        assertEquals(List.of("/d/a.conf", "/d/b.conf"), ServerPaths.confFilesInDir(f, "/d").orElseThrow());
        assertTrue(ServerPaths.confFilesInDir(f, "/nowhere").isEmpty());
        assertEquals(List.of(), ServerPaths.confFilesInDir(new MemoryServerFiles().dir("/empty"), "/empty").orElseThrow());
    }
}
