package dbmedic.cli;

import dbmedic.core.finding.Finding;
import dbmedic.core.report.JsonDocuments;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code dbmedic explain "ERROR TEXT"}: map a pasted error to findings. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Explain an error message pasted from an app's log (use - to read it from standard input).")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    Cli parent;
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ERROR_TEXT", description = "The error text, or - for standard input.")
    String text;

    @Option(names = "--json", description = "Print one JSON document on stdout.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String input = text;
        if ("-".equals(text)) {
            try {
                input = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                err.println("dbmedic: could not read standard input: " + Cli.oneLine(e));
                return ExitCode.UNUSABLE;
            }
        }
        if (input == null || input.isBlank()) {
            err.println("dbmedic: the error text is empty");
            return ExitCode.UNUSABLE;
        }
        List<Finding> findings = parent.medic().explain(input);
        if (json) {
            JsonDocuments docs = new JsonDocuments(null);
            var doc = docs.newDocument();
            doc.set("findings", docs.findings(findings));
            out.println(docs.write(doc));
        } else if (findings.isEmpty()) {
            out.println("DB Medic does not recognise this error. Diagnose the database itself: dbmedic diagnose PATH");
        } else {
            new HumanOutput(out).findings(findings);
        }
        out.flush();
        return findings.isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
    }
}
