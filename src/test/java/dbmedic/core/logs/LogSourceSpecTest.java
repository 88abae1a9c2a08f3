package dbmedic.core.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.logs.LogSourceSpec.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSourceSpecTest {
    @Test
    void everySourceForm() throws Exception {
        assertEquals(new LogSourceSpec(Kind.FILE, "/var/log/immich.log", null), LogSourceSpec.parse("/var/log/immich.log"));
        assertEquals(new LogSourceSpec(Kind.FILE, "logs/immich.log", null), LogSourceSpec.parse("file:logs/immich.log"));
        assertEquals(new LogSourceSpec(Kind.FILE, "C:\\immich\\server.log", null), LogSourceSpec.parse("C:\\immich\\server.log"));
        assertEquals(new LogSourceSpec(Kind.DOCKER, "immich_server", null), LogSourceSpec.parse("docker:immich_server"));
        assertEquals(new LogSourceSpec(Kind.KUBECTL, "immich-server-7d9f-abcde", "immich"),
                LogSourceSpec.parse("kubectl:immich/immich-server-7d9f-abcde"));
        assertEquals(new LogSourceSpec(Kind.KUBECTL, "deploy/immich-server", "immich"),
                LogSourceSpec.parse("kubectl:immich/deploy/immich-server"));
        LogSourceSpec noNamespace = LogSourceSpec.parse("kubectl:deploy/immich-server");
        assertEquals("deploy/immich-server", noNamespace.name());
        assertNull(noNamespace.namespace());
        assertEquals(new LogSourceSpec(Kind.JOURNAL, "immich-server.service", null), LogSourceSpec.parse("journal:immich-server.service"));
        assertEquals("kubectl:immich/deploy/immich-server", LogSourceSpec.parse("kubectl:immich/deploy/immich-server").toSourceString());
    }

    @Test
    void namesThatWouldBeReadAsOptionsOrAreEmptyAreRefused() {
        for (String bad : List.of("", "docker:", "docker:-f", "docker:--rm", "docker:a b", "docker:x;rm -rf ~",
                "kubectl:immich/-n", "kubectl:Immich/Pod", "kubectl:a/b/c/d", "journal:-u", "journal:a b", "file:")) {
            LogSourceException e = assertThrows(LogSourceException.class, () -> LogSourceSpec.parse(bad), bad);
            assertTrue(!e.getMessage().isBlank() && !e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void commandsForEachSource() throws Exception {
        assertEquals(List.of("docker", "logs", "-f", "--tail", "200", "immich_server"),
                LogCommands.command(LogSourceSpec.parse("docker:immich_server"), Tail.defaults(), true));
        assertEquals(List.of("docker", "logs", "--tail", "all", "immich_server"),
                LogCommands.command(LogSourceSpec.parse("docker:immich_server"), Tail.all(), false));
        assertEquals(List.of("kubectl", "logs", "-f", "--tail=50", "immich-server-0", "-n", "immich"),
                LogCommands.command(LogSourceSpec.parse("kubectl:immich/immich-server-0"), Tail.last(50), true));
        assertEquals(List.of("kubectl", "logs", "--tail=-1", "deploy/immich-server"),
                LogCommands.command(LogSourceSpec.parse("kubectl:deploy/immich-server"), Tail.all(), false));
        assertEquals(List.of("journalctl", "-f", "-u", "immich-server", "-o", "cat", "-n", "200", "--no-pager"),
                LogCommands.command(LogSourceSpec.parse("journal:immich-server"), Tail.defaults(), true));
        assertEquals(List.of("tail", "-F", "-n", "+1", "--", "-odd name.log"),
                LogCommands.command(LogSourceSpec.parse("file:-odd name.log"), Tail.all(), true));
        assertEquals(List.of("docker", "ps", "--format", "{{.Names}}"), LogCommands.listContainers());
    }

    @Test
    void toolErrorsBecomeOneLine() throws Exception {
        LogSourceSpec docker = LogSourceSpec.parse("docker:immich_server");
        assertEquals("docker: cannot connect to the Docker daemon (is it running?)", ToolErrors.message(docker, 1,
                "Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"));
        assertEquals("docker: permission denied on the Docker socket (is your user in the docker group?)",
                ToolErrors.message(docker, 1, "permission denied while trying to connect to the Docker daemon socket at unix:///var/run/docker.sock"));
        assertEquals("docker: command not found (install it or add it to PATH)", ToolErrors.message(docker, 127, "sh: 1: docker: not found"));
        assertEquals("docker: exited with status 3: something odd", ToolErrors.message(docker, 3, "something odd\nmore"));
        LogSourceSpec k8s = LogSourceSpec.parse("kubectl:immich/immich-server-0");
        assertEquals("kubectl: namespace immich not found",
                ToolErrors.message(k8s, 1, "Error from server (NotFound): namespaces \"immich\" not found"));
        assertEquals("journalctl: no journal files were found (run as root or as a member of systemd-journal)",
                ToolErrors.message(LogSourceSpec.parse("journal:immich"), 1, "No journal files were found."));
        assertTrue(ToolErrors.isToolLine(Kind.DOCKER, "Error response from daemon: No such container: x"));
        assertTrue(!ToolErrors.isToolLine(Kind.DOCKER, "Error: No vector extension found. Available extensions: vchord, vector"));
    }
}
