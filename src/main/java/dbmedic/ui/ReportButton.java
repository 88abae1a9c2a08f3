package dbmedic.ui;

import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.verify.VerifyResult;
import dbmedic.ui.shell.StepHost;
import java.io.File;
import java.util.function.Supplier;
import javafx.scene.control.Button;
import javafx.stage.FileChooser;

/** "Save report…": shown only when the application provides a {@link ReportSaver}. */
public final class ReportButton {
    private ReportButton() {
    }

    public static Button create(WizardContext ctx, Supplier<StepHost> host, Supplier<VerifyResult> verify) {
        return create(ctx, host, verify, () -> null);
    }

    /** {@code section} is Markdown appended to the report (the migration's checks), or null for none. */
    public static Button create(WizardContext ctx, Supplier<StepHost> host, Supplier<VerifyResult> verify,
                                Supplier<String> section) {
        Button b = new Button("Save report…");
        b.setId("saveReport");
        b.setVisible(ctx.reports().isPresent());
        b.managedProperty().bind(b.visibleProperty());
        b.disableProperty().bind(ctx.diagnosis.isNull());
        b.setOnAction(e -> {
            Diagnosis d = ctx.diagnosis.get();
            VerifyResult v = verify.get();
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save the report (Markdown; the JSON goes beside it)");
            chooser.setInitialFileName("dbmedic-report.md");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown", "*.md"));
            File f = chooser.showSaveDialog(host.get().window());
            if (f == null || ctx.reports().isEmpty()) {
                return;
            }
            ReportSaver saver = ctx.reports().get();
            String extra = section.get();
            host.get().run("Saving the report", p -> {
                saver.save(d, v, f.toPath());
                if (extra != null) {
                    java.nio.file.Files.writeString(f.toPath(), extra, java.nio.charset.StandardCharsets.UTF_8,
                            java.nio.file.StandardOpenOption.APPEND);
                }
                return f;
            }, saved -> host.get().showNotice("Report saved: " + saved));
        });
        return b;
    }
}
