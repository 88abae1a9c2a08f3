package dbmedic.ui.finding;

import dbmedic.core.finding.Severity;
import javafx.scene.control.Label;

/** Severity as a word and a symbol on a coloured chip, so colour is never the only cue. */
public final class SeverityBadge {
    private SeverityBadge() {
    }

    public static Label of(Severity s) {
        Label l = new Label(symbol(s) + " " + word(s));
        l.getStyleClass().addAll("badge", "badge-" + s.label());
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    public static String word(Severity s) {
        return switch (s) {
            case ERROR -> "Error";
            case WARNING -> "Warning";
            case INFO -> "Info";
            case OK -> "OK";
        };
    }

    public static String plural(Severity s) {
        return switch (s) {
            case ERROR -> "Errors";
            case WARNING -> "Warnings";
            case INFO -> "Information";
            case OK -> "Checks passed";
        };
    }

    static String symbol(Severity s) {
        return switch (s) {
            case ERROR -> "✖";
            case WARNING -> "▲";
            case INFO -> "ℹ";
            case OK -> "✔";
        };
    }
}
