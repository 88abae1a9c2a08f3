package dbmedic.cli;

/** The command line (picocli). */
public final class Cli {
    public static int run(String[] args) {
        throw new UnsupportedOperationException("not built yet");
    }
}
