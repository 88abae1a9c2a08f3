package dbmedic.cli;

import picocli.CommandLine.Option;

/** Options every target-taking subcommand shares. */
public final class TargetOptions {
    @Option(names = "--app", paramLabel = "APP",
            description = "Skip detection: invokeai, gpustack or immich.")
    String app;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;
}
