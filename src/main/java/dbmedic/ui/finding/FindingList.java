package dbmedic.ui.finding;

import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.ui.shell.LinkOpener;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Findings grouped by severity (errors first), used by Start (explain), Diagnose and Verify. */
public final class FindingList extends VBox {
    private final LinkOpener links;

    public FindingList(LinkOpener links) {
        super(10);
        this.links = links;
        getStyleClass().add("finding-list");
    }

    public void show(List<Finding> findings) {
        getChildren().clear();
        for (Severity s : Severity.values()) {
            List<Finding> group = findings.stream().filter(f -> f.severity() == s).toList();
            if (group.isEmpty()) {
                continue;
            }
            Label head = new Label(SeverityBadge.plural(s) + " (" + group.size() + ")");
            head.getStyleClass().addAll("group-head", "title-4");
            head.setId("group-" + s.label());
            getChildren().add(head);
            group.forEach(f -> getChildren().add(new FindingCard(f, links)));
        }
    }

    /** "2 errors, 1 warning, 3 checks passed". */
    public static String tally(List<Finding> findings) {
        StringBuilder s = new StringBuilder();
        for (Severity sev : Severity.values()) {
            long n = findings.stream().filter(f -> f.severity() == sev).count();
            if (n == 0) {
                continue;
            }
            if (s.length() > 0) {
                s.append(", ");
            }
            String word = switch (sev) {
                case ERROR -> n == 1 ? "error" : "errors";
                case WARNING -> n == 1 ? "warning" : "warnings";
                case INFO -> "info";
                case OK -> n == 1 ? "check passed" : "checks passed";
            };
            s.append(n).append(' ').append(word);
        }
        return s.length() == 0 ? "nothing to report" : s.toString();
    }
}
