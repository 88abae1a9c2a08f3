package dbmedic.ui;

import dbmedic.ui.shell.LinkOpener;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.HostServices;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/**
 * Opens a docs page in the browser: under {@code dbmedic.docs.base} (a URL prefix) when set,
 * else the page file when it exists below the working folder (a source checkout); otherwise
 * the page name goes to the clipboard and the user is told so.
 */
final class DocsLinkOpener implements LinkOpener {
    private final HostServices host;

    DocsLinkOpener(HostServices host) {
        this.host = host;
    }

    @Override
    public String open(String page) {
        String base = System.getProperty("dbmedic.docs.base");
        try {
            if (base != null && !base.isBlank()) {
                host.showDocument(base.endsWith("/") ? base + page : base + "/" + page);
                return null;
            }
            Path local = Path.of(page).toAbsolutePath();
            if (Files.isRegularFile(local)) {
                host.showDocument(local.toUri().toString());
                return null;
            }
        } catch (RuntimeException | LinkageError e) {
            // no browser integration here (headless, or a toolkit without it): fall through
        }
        ClipboardContent c = new ClipboardContent();
        c.putString(page);
        Clipboard.getSystemClipboard().setContent(c);
        return "page name copied";
    }
}
