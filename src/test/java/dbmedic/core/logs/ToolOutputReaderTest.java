package dbmedic.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the SSH layer does with a remote command's two streams and exit status. */
class ToolOutputReaderTest {
    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void bothStreamsReachTheSinkAndTheToolsComplaintBecomesTheError() throws Exception {
        Lines lines = new Lines();
        ToolOutputReader reader = new ToolOutputReader(LogSourceSpec.docker("immich_server"), lines);
        reader.read(bytes("app stdout\n"), bytes("app stderr\nError response from daemon: No such container: immich_server\n"),
                () -> false);
        assertEquals(Set.of("app stdout", "app stderr"), Set.copyOf(lines.all()));
        LogSourceException e = assertThrows(LogSourceException.class, () -> reader.checkExit(1));
        assertEquals("docker: no such container immich_server (see the running ones with: docker ps --format '{{.Names}}')",
                e.getMessage());
    }

    @Test
    void aRemoteShellWithoutTheToolIsCommandNotFound() throws Exception {
        ToolOutputReader reader = new ToolOutputReader(LogSourceSpec.docker("immich_server"), new Lines());
        reader.read(bytes(""), bytes("sh: 1: docker: not found\n"), () -> false);
        LogSourceException e = assertThrows(LogSourceException.class, () -> reader.checkExit(127));
        assertEquals("docker: command not found (install it or add it to PATH)", e.getMessage());
    }

    @Test
    void aCleanEndIsNoError() throws Exception {
        Lines lines = new Lines();
        ToolOutputReader reader = new ToolOutputReader(LogSourceSpec.journal("immich"), lines);
        reader.read(bytes("one\n-- No entries --\n"), bytes(""), () -> false);
        reader.checkExit(0);
        assertEquals(List.of("one"), lines.all());
    }
}
