package dbmedic.ui.shell;

/**
 * Opens a documentation page. Behind an interface because {@code HostServices.showDocument}
 * is not implemented by headless Monocle (tests) and may be missing on some desktops.
 */
@FunctionalInterface
public interface LinkOpener {
    /**
     * {@code page} is a repository-relative page such as {@code docs/findings/sqlite.missing-column.md}.
     * Returns a short note for the user when the page could not be opened directly (null when it was).
     */
    String open(String page);
}
