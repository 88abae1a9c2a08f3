package dbmedic.ui.shell;

/**
 * Opens a documentation page. Behind an interface because {@code HostServices.showDocument}
 * is not implemented by headless Monocle (tests) and may be missing on some desktops.
 */
@FunctionalInterface
public interface LinkOpener {
    /** {@code page} is a repository-relative page such as {@code docs/findings/sqlite.missing-column.md}. */
    void open(String page);
}
