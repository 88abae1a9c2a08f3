package dbmedic.ui;

import static dbmedic.ui.FxTestSupport.text;
import static dbmedic.ui.FxTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dbmedic.core.Medic;
import dbmedic.core.diagnose.DiagnoseOptions;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.task.Progress;
import dbmedic.pgtest.ImmichDatabase;
import dbmedic.pgtest.PgServer;
import dbmedic.sshtest.SshTestServer;
import dbmedic.ui.immich.BackupView;
import dbmedic.ui.shell.WizardShell;
import dbmedic.ui.watch.LogFeed;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard over SSH, against a real in-JVM SSH server (Apache MINA) and a real PostgreSQL 14
 * with a pgvecto.rs-era Immich database. The server's stand-in {@code docker} lists three
 * containers, runs the machine's real pg_dump 15 for {@code docker exec immich_postgres
 * pg_dump} (as pg_dump inside the container would) and follows a log file for {@code docker
 * logs -f immich_server}. Covered: the host-key dialog (trusted, refused), the diagnosis
 * through the tunnel equal to the direct one, the remote dump in a verified backup, the
 * remote log in Watch, every remote command shown, and a dropped session said plainly.
 */
@ExtendWith(ApplicationExtension.class)
class WizardSshTest {
    private static final String PREFIX = "immich_server  | [Nest] 7  - 10/30/2025, 9:01:0";
    private static PgServer pg;
    private static ImmichDatabase immich;
    private SshTestServer ssh;
    private Path dir;
    private Path log;
    private WizardShell shell;
    private WizardContext ctx;

    @BeforeAll
    static void startDatabase() {
        pg = PgServer.start(14);
        immich = ImmichDatabase.on(pg).immichVersion("1.137.0").extension(ImmichDatabase.VectorExtension.PGVECTORS)
                .rows(300).create();
    }

    @AfterAll
    static void stopDatabase() {
        pg.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("dbmedic-wizard-ssh-");
        log = dir.resolve("immich.log");
        Files.writeString(log, PREFIX + "1 PM     LOG [Microservices:DatabaseRepository] targetLists=1, current=1 for clip_index of 300 rows\n");
        ssh = SshTestServer.builder().bin(standInDocker()).password(false).start();
        Files.writeString(dir.resolve("config"), String.join("\n", "Host immich-nas", "  HostName 127.0.0.1",
                "  Port " + ssh.port(), "  User " + SshTestServer.USER, "  IdentityFile " + SshTestServer.key("id_ed25519"), ""));
        ctx = ImmichWizardSupport.context(Files.createDirectories(dir.resolve("journals")));
        ctx.ssh.useFiles(dir.resolve("config"), dir.resolve("known_hosts"));
        shell = ImmichWizardSupport.open(stage, ctx);
    }

    @AfterEach
    void stopSsh() {
        ssh.close();
    }

    private Path standInDocker() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path docker = bin.resolve("docker");
        Files.writeString(docker, "#!/bin/sh\n"
                + "case \"$1\" in\n"
                + "ps) printf 'immich_server\\tghcr.io/immich-app/immich-server:v1.137.0\\tUp 2 hours\\n"
                + "immich_postgres\\tghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0\\tUp 2 hours (healthy)\\n"
                + "immich_redis\\tdocker.io/valkey/valkey:8\\tUp 2 hours\\n' ;;\n"
                + "exec) [ \"$2\" = immich_postgres ] || { echo \"Error response from daemon: No such container: $2\" >&2; exit 1; }\n"
                + "  shift 2; cmd=$1; shift; exec \"$cmd\" -h 127.0.0.1 -p " + pg.port() + " \"$@\" ;;\n"
                + "logs) for last; do :; done\n"
                + "  [ \"$last\" = immich_server ] || { echo \"Error response from daemon: No such container: $last\" >&2; exit 1; }\n"
                + "  if [ \"$2\" = -f ]; then exec tail -n +1 -f '" + log + "'; else exec cat '" + log + "'; fi ;;\n"
                + "*) echo \"docker: '$1' is not a docker command.\" >&2; exit 1 ;;\n"
                + "esac\n");
        Files.setPosixFilePermissions(docker, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    private String url() {
        return ImmichWizardSupport.url(pg, immich.name());
    }

    /** Start → Connect: the URL, then the SSH server from the config file's list; then Next to Diagnose. */
    private void connectThroughSsh(FxRobot robot) {
        robot.clickOn("#next");
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(url()));
        waitUntil(() -> !robot.lookup("#next").queryButton().isDisabled() && robot.lookup("#sshServer").query().isVisible());
        @SuppressWarnings("unchecked")
        ComboBox<String> servers = robot.lookup("#sshServer").queryAs(ComboBox.class);
        assertEquals(List.of("immich-nas"), servers.getItems(), "the hosts of the ssh config file are offered");
        robot.interact(() -> servers.getSelectionModel().select("immich-nas"));
        assertEquals("immich-nas", ctx.ssh.server.get());
        robot.clickOn("#next");
    }

    private void waitForDiagnosis(FxRobot robot) {
        waitUntil(() -> ctx.diagnosis.get() != null && !robot.lookup("#next").queryButton().isDisabled()
                && !text(robot, "#diagnoseVerdict").startsWith("Diagnosing"));
    }

    private static List<String> findings(Diagnosis d) {
        return d.findings().stream().map(f -> f.id() + " " + f.severity() + " " + f.summary()).sorted().toList();
    }

    @Test
    void diagnosisThroughTheTunnelThenRemoteDumpBackupThenRemoteLogs(FxRobot robot) throws Exception {
        Medic medic = new Medic();
        Diagnosis direct = medic.diagnose(medic.resolve(url()), new DiagnoseOptions(null, false, null, null), Progress.NONE);

        connectThroughSsh(robot);
        // first connection: the fingerprint, and nothing happens before the user trusts it
        waitUntil(() -> robot.lookup("#hostKeyText").tryQuery().isPresent());
        assertTrue(text(robot, "#hostKeyText").contains(ssh.fingerprint()), text(robot, "#hostKeyText"));
        robot.clickOn("#trustRemember");
        waitForDiagnosis(robot);
        assertEquals("diagnose", shell.current().key());
        assertTrue(ctx.ssh.isConnected(), "the session is kept for the next steps");
        assertEquals(findings(direct), findings(ctx.diagnosis.get()), "the same findings as a direct diagnosis");
        assertTrue(ctx.immich.active.get(), "an Immich database goes on to its migration");
        assertTrue(Files.readString(dir.resolve("known_hosts")).startsWith(ssh.knownHostsName() + " ssh-ed25519 "));

        // Back up: the containers listed on the server, immich_postgres chosen, the dump made there
        robot.clickOn("#next");
        assertEquals("pgbackup", shell.current().key());
        waitUntil(() -> robot.lookup("#remoteDump").queryAs(CheckBox.class).isSelected());
        @SuppressWarnings("unchecked")
        ComboBox<String> containers = robot.lookup("#dumpContainer").queryAs(ComboBox.class);
        assertEquals(List.of("immich_server", "immich_postgres", "immich_redis"), containers.getItems());
        assertEquals("immich_postgres", containers.getEditor().getText());
        String where = SshTestServer.USER + "@127.0.0.1:" + ssh.port();
        assertTrue(text(robot, "#pgBackupCommands").contains("Running on " + where + ": docker ps --format"),
                text(robot, "#pgBackupCommands"));
        Path backups = Files.createDirectories(dir.resolve("backups"));
        robot.interact(() -> robot.lookup("#pgBackupFolder").queryAs(TextField.class).setText(backups.toString()));
        robot.interact(() -> robot.lookup("#startPgBackup").queryButton().fire());
        try {
            // the page fills its facts right after the backup is set (on the FX thread): wait for both
            waitUntil(() -> ctx.immich.backup.get() != null && robot.lookup("#pgBackupDump").tryQuery().isPresent()
                    || !text(robot, "#bannerText").isEmpty());
        } catch (AssertionError e) {
            throw new AssertionError("status: " + text(robot, "#pgBackupStatus") + " / work: " + text(robot, "#workMessage")
                    + " / commands: " + text(robot, "#pgBackupCommands"), e);
        }
        BackupView backup = ctx.immich.backup.get();
        assertNotNull(backup, text(robot, "#bannerText"));
        assertTrue(backup.verified(), backup.toString());
        assertNotNull(backup.dumpFile(), "the whole-database dump is part of the backup: " + backup.dumpNote());
        assertTrue(text(robot, "#pgBackupDump").contains("immich_postgres"), text(robot, "#pgBackupDump"));
        // pg_dump in the container imports the snapshot the COPY files were read in.
        java.util.regex.Pattern dumpLine = java.util.regex.Pattern.compile("docker exec immich_postgres pg_dump -Fc -U "
                + PgServer.SUPERUSER + " '?--snapshot=[0-9A-F-]+'? -- " + immich.name());
        String shown = text(robot, "#pgBackupCommands");
        assertTrue(shown.lines().anyMatch(l -> l.startsWith("Running on " + where + ": ")
                && dumpLine.matcher(l.substring(l.indexOf(": ") + 2)).matches()), shown);
        assertTrue(ssh.commands().stream().anyMatch(c -> dumpLine.matcher(c).matches()), ssh.commands().toString());
        assertTrue(backup.dumpNote().contains("same snapshot"), backup.dumpNote());
        Process list = new ProcessBuilder("pg_restore", "--list", backup.dumpFile().toString()).redirectErrorStream(true).start();
        String toc = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, list.waitFor(), toc);
        assertTrue(toc.contains("TABLE DATA public smart_search"), toc);
        assertEquals(300, backup.tables().stream().filter(t -> t.table().equals("smart_search")).findFirst().orElseThrow().rows());

        // Watch: immich_server's log read on the server with docker logs -f
        robot.interact(() -> shell.goTo("watch"));
        @SuppressWarnings("unchecked")
        ComboBox<String> servers = robot.lookup("#watchContainer").queryAs(ComboBox.class);
        waitUntil(() -> servers.getItems().size() == 3);
        assertEquals("immich_server", servers.getEditor().getText());
        robot.clickOn("#startWatch");
        waitUntil(() -> !robot.lookup("#stopWatch").queryButton().isDisabled() && events(robot).size() == 1);
        assertTrue(text(robot, "#watchCommands").contains("Running on " + where + ": docker logs -f --tail 200 immich_server"),
                text(robot, "#watchCommands"));
        append(PREFIX + "2 PM     LOG [Microservices:DatabaseRepository] Reindexing clip_index (This may take a while, do not restart)",
                PREFIX + "2 PM     LOG [Microservices:DatabaseRepository] Reindexing face_index (This may take a while, do not restart)");
        waitUntil(() -> states(robot).equals(List.of("clip_index reindexing", "face_index reindexing")));
        append(PREFIX + "3 PM     LOG [Microservices:DatabaseRepository] Reindexed face_index",
                PREFIX + "4 PM     LOG [Microservices:DatabaseRepository] Reindexed clip_index",
                PREFIX + "5 PM     LOG [Api:Bootstrap] Immich Server is listening on http://[::1]:2283 [v1.137.0] [production]");
        waitUntil(() -> text(robot, "#immichReady").startsWith("✔ Immich is ready"));

        // the server goes away while its log is followed: said plainly, not as a stack trace
        ssh.stop();
        waitUntil(() -> !robot.lookup("#startWatch").queryButton().isDisabled());
        waitUntil(() -> text(robot, "#bannerText").contains("was lost"));
        assertTrue(text(robot, "#bannerText").contains("The SSH connection to " + where + " was lost; PostgreSQL rolls back"),
                text(robot, "#bannerText"));
    }

    @Test
    void withoutTheRemoteDumpTheBackupUsesThisComputersPgDump(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
        connectThroughSsh(robot);
        waitForDiagnosis(robot);
        robot.clickOn("#next");
        waitUntil(() -> robot.lookup("#remoteDump").queryAs(CheckBox.class).isSelected());
        robot.interact(() -> robot.lookup("#remoteDump").queryAs(CheckBox.class).setSelected(false));
        Path backups = Files.createDirectories(dir.resolve("backups-local"));
        robot.interact(() -> robot.lookup("#pgBackupFolder").queryAs(TextField.class).setText(backups.toString()));
        robot.interact(() -> robot.lookup("#startPgBackup").queryButton().fire());
        waitUntil(() -> ctx.immich.backup.get() != null && robot.lookup("#pgBackupDump").tryQuery().isPresent()
                || !text(robot, "#bannerText").isEmpty());
        BackupView backup = ctx.immich.backup.get();
        assertNotNull(backup, text(robot, "#bannerText"));
        assertTrue(backup.verified(), backup.toString());
        // pg_dump 15 here fits the PostgreSQL 14 server, reached through the tunnel
        assertNotNull(backup.dumpFile(), backup.dumpNote());
        assertFalse(text(robot, "#pgBackupDump").contains("immich_postgres"), text(robot, "#pgBackupDump"));
        assertTrue(ssh.commands().stream().noneMatch(c -> c.contains("docker exec")), ssh.commands().toString());
    }

    @Test
    void refusingTheHostKeyConnectsNothing(FxRobot robot) {
        connectThroughSsh(robot);
        waitUntil(() -> robot.lookup("#hostKeyText").tryQuery().isPresent());
        // the dialog's own Cancel (the shell's Cancel of the running job has the same text)
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane")
                .match(n -> n.lookup("#hostKeyText") != null).queryAs(javafx.scene.control.DialogPane.class);
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.CANCEL));
        waitUntil(() -> text(robot, "#diagnoseVerdict").equals("The diagnosis did not finish."));
        assertTrue(text(robot, "#bannerText").contains("was not accepted"), text(robot, "#bannerText"));
        assertFalse(text(robot, "#bannerText").contains("--accept-new-host-key"), "the wizard's way to accept is its dialog");
        assertEquals(null, ctx.diagnosis.get());
        assertFalse(ctx.ssh.isConnected());
        assertEquals(0, ssh.authAttempts(), "no key or password was offered to a server the user did not trust");
        assertTrue(ssh.commands().isEmpty());
        assertFalse(Files.exists(dir.resolve("known_hosts")));
    }

    @Test
    void aChangedHostKeyIsRefusedWithTheWarning(FxRobot robot) throws Exception {
        try (SshTestServer impostor = SshTestServer.builder().start()) {
            // known_hosts remembers other keys for this server's name: what a man in the middle looks like
            Files.writeString(dir.resolve("known_hosts"), impostor.knownHostsLines().replace(impostor.knownHostsName(),
                    ssh.knownHostsName()));
        }
        String before = Files.readString(dir.resolve("known_hosts"));
        connectThroughSsh(robot);
        waitUntil(() -> robot.lookup("#hostKeyChangedText").tryQuery().isPresent());
        String warning = text(robot, "#hostKeyChangedText");
        assertTrue(warning.contains("man in the middle") && warning.contains("Nothing was sent"), warning);
        // read, then closed with its only button (a window left open would take the next test's clicks)
        javafx.scene.control.DialogPane pane = robot.lookup(".dialog-pane")
                .match(n -> n.lookup("#hostKeyChangedText") != null).queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> ((javafx.scene.control.Button) pane.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitUntil(() -> robot.lookup("#hostKeyChangedText").tryQuery().isEmpty());
        waitUntil(() -> text(robot, "#diagnoseVerdict").equals("The diagnosis did not finish."));
        assertTrue(text(robot, "#bannerText").contains("CHANGED"), text(robot, "#bannerText"));
        assertEquals(0, ssh.authAttempts(), "no key or password went to a server whose key changed");
        assertFalse(ctx.ssh.isConnected());
        assertEquals(before, Files.readString(dir.resolve("known_hosts")), "known_hosts is left as it was");
    }

    @Test
    void aComposeFolderOnTheServerIsCopiedAndReadOffline(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
        // the server's folder (the stand-in server runs on this machine, so it is a folder here that the wizard reads through SSH)
        Path remote = Files.createDirectories(dir.resolve("srv").resolve("immich-app"));
        Files.writeString(remote.resolve("docker-compose.yml"), String.join("\n", "name: immich", "services:",
                "  immich-server:", "    image: ghcr.io/immich-app/immich-server:${IMMICH_VERSION:-release}", "  database:",
                "    image: ghcr.io/immich-app/postgres:14-vectorchord0.3.0-pgvectors0.2.0",
                "    command: postgres -c shared_preload_libraries=vectors.so", ""));
        Files.writeString(remote.resolve(".env"), "IMMICH_VERSION=v1.133.0\nDB_PASSWORD=hunter2-remote\n");
        Path elsewhere = dir.resolve("not-here").resolve("immich-app");

        robot.clickOn("#next");
        // a folder this computer does not have: SSH is offered
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(elsewhere.toString()));
        waitUntil(() -> text(robot, "#resolveStatus").contains("fill in SSH below"));
        assertTrue(robot.lookup("#sshServer").query().isVisible());
        @SuppressWarnings("unchecked")
        ComboBox<String> servers = robot.lookup("#sshServer").queryAs(ComboBox.class);
        robot.interact(() -> servers.getSelectionModel().select("immich-nas"));
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(remote.toString()));
        waitUntil(() -> robot.lookup("#readRemoteFolder").query().isVisible());
        assertTrue(robot.lookup("#next").queryButton().isDisabled(), "nothing to diagnose before the folder is read");
        assertTrue(ssh.commands().isEmpty(), "nothing runs on the server before the user asks");
        robot.interact(() -> robot.lookup("#readRemoteFolder").queryButton().fire());
        waitUntil(() -> text(robot, "#resolveStatus").startsWith("✔ Compose folder on"));
        String where = SshTestServer.USER + "@127.0.0.1:" + ssh.port();
        assertTrue(text(robot, "#resolveStatus").contains(where + ":" + remote + " → copied docker-compose.yml and .env"),
                text(robot, "#resolveStatus"));
        assertTrue(text(robot, "#connectCommands").contains("Running on " + where + ": cat -- " + remote + "/docker-compose.yml"),
                text(robot, "#connectCommands"));
        Path copy = ctx.remoteCopy.get().local();
        assertTrue(Files.exists(copy.resolve(".env")));

        robot.clickOn("#next");
        assertEquals("diagnose", shell.current().key());
        waitForDiagnosisOffline(robot);
        List<String> ids = ctx.diagnosis.get().findings().stream().map(f -> f.id()).toList();
        assertTrue(ids.contains("compose.command-override"), ids.toString());
        assertTrue(ctx.diagnosis.get().findings().stream().noneMatch(f -> f.evidence().contains("hunter2")));
        assertTrue(text(robot, "#targetHeader").contains(where + ":" + remote), text(robot, "#targetHeader"));

        // another target: the copy (with the server's .env) is deleted
        robot.interact(() -> shell.goTo("connect"));
        robot.interact(() -> robot.lookup("#targetField").queryAs(TextField.class).setText(url()));
        waitUntil(() -> ctx.target.get() instanceof dbmedic.core.postgres.PostgresTarget);
        assertFalse(Files.exists(copy), "the copied folder is gone");
    }

    private void waitForDiagnosisOffline(FxRobot robot) {
        waitUntil(() -> ctx.diagnosis.get() != null && !text(robot, "#diagnoseVerdict").startsWith("Diagnosing"));
    }

    @Test
    void aSessionLostBetweenStepsIsSaidPlainly(FxRobot robot) throws Exception {
        Files.writeString(dir.resolve("known_hosts"), ssh.knownHostsLines());
        connectThroughSsh(robot);
        waitForDiagnosis(robot);
        assertTrue(robot.lookup("#hostKeyText").tryQuery().isEmpty(), "a known server is not asked about");
        ssh.stop();
        waitUntil(() -> !ctx.ssh.isConnected());
        robot.clickOn("#rediagnose");
        waitUntil(() -> text(robot, "#diagnoseVerdict").equals("The diagnosis did not finish."));
        // a direct connection would have worked: the diagnosis went through the SSH server
        assertTrue(text(robot, "#bannerText").contains("The SSH connection to " + SshTestServer.USER + "@127.0.0.1:"
                + ssh.port() + " was lost;"), text(robot, "#bannerText"));
    }

    private void append(String... lines) throws Exception {
        Files.writeString(log, String.join("\n", lines) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @SuppressWarnings("unchecked")
    private static List<LogFeed.EventView> events(FxRobot robot) {
        return List.copyOf(robot.lookup("#watchEvents").queryAs(ListView.class).getItems());
    }

    @SuppressWarnings("unchecked")
    private static List<String> states(FxRobot robot) {
        List<LogFeed.IndexView> rows = robot.lookup("#watchIndexes").queryAs(TableView.class).getItems();
        return rows.stream().map(i -> i.index() + " " + i.state()).toList();
    }
}
