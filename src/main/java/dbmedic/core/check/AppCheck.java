package dbmedic.core.check;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.knowledge.AppliedState;
import java.util.List;

/** Says which app the database belongs to, and whether DB Medic knows the version it records. */
public final class AppCheck implements Check {
    public static final String RECOGNISED = "app.recognised";
    public static final String NOT_RECOGNISED = "app.not-recognised";
    public static final String SCHEMA_NEWER = "app.schema-newer";

    @Override
    public String title() {
        return "Recognising the app";
    }

    @Override
    public List<Finding> run(CheckContext context) {
        AppDetection app = context.app();
        AppIdentity who = app.identity();
        if (app.pack().isEmpty() || app.state().isEmpty()) {
            return List.of(notRecognised(context));
        }
        AppliedState state = app.state().get();
        if (!state.known()) {
            String unknown = state.unknownIds().isEmpty() ? "" : " (unknown to DB Medic: " + String.join(", ", state.unknownIds()) + ")";
            return List.of(new Finding(SCHEMA_NEWER, Severity.WARNING, who.id(),
                    "This " + who.name() + " database was written by a newer " + who.name() + " than DB Medic knows",
                    "The database records schema version " + state.version() + unknown + ".",
                    "A newer " + who.name() + " version upgraded this database. Its schema is not broken, just newer"
                            + " than DB Medic's knowledge, so DB Medic does not compare or change it.",
                    Fix.text("Run the " + who.name() + " version that wrote this database (or a newer one), or restore"
                            + " the backup " + who.name() + " made before upgrading if you went back to an older version."
                            + " DB Medic never repairs a database from a version it does not know.")));
        }
        String release = state.release() == null ? "" : " (first shipped in " + state.release() + ")";
        String baseline = context.expected().isPresent() ? ""
                : " DB Medic has no expected schema for this version, so only the generic SQLite checks ran.";
        return List.of(new Finding(RECOGNISED, Severity.OK, who.id(),
                who.name() + " database at schema version " + state.version()
                        + (state.release() == null ? "" : ", " + state.release()),
                "The database records schema version " + state.version() + release + "."
                        + (app.overridden() ? " The app was chosen by hand, not detected." : "") + baseline,
                null, Fix.text("Nothing to do.")));
    }

    private static Finding notRecognised(CheckContext context) {
        String hint = context.target().appHint();
        String note = context.app().note();
        String evidence = (note != null ? note + " "
                : "The database has none of the version tables and tables DB Medic knows apps by. ")
                + (hint != null && note == null ? "Its file name suggests " + hint + ", but its tables do not match. " : "")
                + "It has " + context.schema().tables().size() + " tables.";
        return new Finding(NOT_RECOGNISED, Severity.WARNING, "unknown",
                "DB Medic does not recognise the app this database belongs to",
                evidence.strip(),
                "DB Medic recognises the apps it knows (InvokeAI, GPUStack v0.x) by their tables and version tables."
                        + " Without them it cannot tell what the schema should look like.",
                Fix.text("Only the generic SQLite checks ran. If you know the app, choose it by hand (--app);"
                        + " if this is not an app database, the generic results are all DB Medic can say."));
    }
}
