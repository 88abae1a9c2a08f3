package dbmedic.core.postgres;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.diagnose.Diagnosis;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Fix;
import dbmedic.core.finding.Severity;
import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.ImmichRelease;
import dbmedic.core.immich.StartupPrediction;
import dbmedic.core.immich.StartupPredictor;
import dbmedic.core.target.UnusableInputException;
import dbmedic.core.task.CancelledException;
import dbmedic.core.task.Progress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Diagnoses a live PostgreSQL database read-only: connects (password from the URL,
 * PGPASSWORD, the password file, then the prompt), maps a refused connection to a finding,
 * recognises Immich or GPUStack, and runs the engine and app checks. Never writes: the
 * session is read-only and every statement is a SELECT or SHOW.
 */
public final class PostgresDiagnoser {
    private final ImmichKnowledge immich;

    public PostgresDiagnoser() {
        this(ImmichKnowledge.load());
    }

    public PostgresDiagnoser(ImmichKnowledge immich) {
        this.immich = immich;
    }

    public Diagnosis diagnose(PostgresTarget target, PostgresOptions options, Progress progress)
            throws UnusableInputException, CancelledException {
        Progress p = progress == null ? Progress.NONE : progress;
        PasswordSources sources = new PasswordSources();
        List<Finding> findings = new ArrayList<>();
        p.message("Connecting to " + target.host() + ":" + target.port() + "/" + target.database());
        Connected connected = connect(target, options, sources, findings);
        try {
            notes(sources, findings);
            if (connected.opened() == null) {
                return new Diagnosis(target, override(options), findings, Instant.now());
            }
            p.checkCancelled();
            return run(target, options, connected.opened().connection(), connected.opened(),
                    connected.credential().map(PasswordSources.Credential::password).orElse(null), findings, p);
        } catch (SQLException e) {
            throw new UnusableInputException("Reading " + target.displayName() + " failed: " + ConnectFailures.serverText(e), e);
        } finally {
            connected.close();
        }
    }

    /**
     * The wizard's "Test" button: connects as the diagnosis would and says in one line what
     * happened ("Connected: PostgreSQL 17.2 …", or the refusal in plain words). Reads nothing else.
     */
    public ConnectionTest testConnection(PostgresTarget target, PostgresOptions options) throws UnusableInputException {
        List<Finding> findings = new ArrayList<>();
        Connected connected = connect(target, options, new PasswordSources(), findings);
        try {
            if (connected.opened() == null) {
                Finding f = findings.get(0);
                return new ConnectionTest(false, f.summary());
            }
            try (var st = connected.opened().connection().createStatement();
                 var rs = st.executeQuery("SELECT current_setting('server_version'), current_user, current_database()")) {
                rs.next();
                return new ConnectionTest(true, "Connected: PostgreSQL " + rs.getString(1) + ", database "
                        + rs.getString(3) + ", user " + rs.getString(2) + " (read-only session)");
            } catch (SQLException e) {
                return new ConnectionTest(false, "Connected, but the server refused a simple query: "
                        + ConnectFailures.serverText(e));
            }
        } finally {
            connected.close();
        }
    }

    /** The Test button's answer: {@code ok} and one line for the user. */
    public record ConnectionTest(boolean ok, String message) {
    }

    /** An open read-only session (or null with the refusal as a finding) and the password used. */
    private record Connected(PgConnector.Opened opened, Optional<PasswordSources.Credential> credential) {
        void close() {
            if (opened != null) {
                try {
                    opened.connection().close();
                } catch (SQLException ignored) {
                    // Closing a read-only session cannot lose anything.
                }
            }
            credential.ifPresent(PasswordSources.Credential::clear);
        }
    }

    /** Password from the URL, PGPASSWORD, the password file, then (if the server asks) the prompt. */
    private static Connected connect(PostgresTarget target, PostgresOptions options, PasswordSources sources,
                                     List<Finding> findings) throws UnusableInputException {
        Optional<PasswordSources.Credential> credential = sources.first(target, options);
        try {
            return new Connected(PgConnector.open(target, options,
                    credential.map(PasswordSources.Credential::password).orElse(null)), credential);
        } catch (SQLException e) {
            if (ConnectFailures.passwordMissing(e) && credential.isEmpty()) {
                credential = sources.prompt(target, options);
                if (credential.isPresent()) {
                    try {
                        return new Connected(PgConnector.open(target, options, credential.get().password()), credential);
                    } catch (SQLException again) {
                        e = again;
                    }
                }
            }
            findings.add(ConnectFailures.toFinding(e, target, credential.map(PasswordSources.Credential::origin).orElse(null)));
            return new Connected(null, credential);
        }
    }

    private Diagnosis run(PostgresTarget target, PostgresOptions options, Connection c, PgConnector.Opened opened,
                          char[] password, List<Finding> findings, Progress p) throws SQLException, CancelledException {
        PgQuery q = new PgQuery(c);
        p.message("Reading server settings and extensions");
        ServerFacts f = ServerFacts.read(q, opened);
        p.checkCancelled();
        String app = options.appOverride() == null ? null : options.appOverride().strip().toLowerCase(Locale.ROOT);
        ImmichFacts immichFacts = ImmichFacts.read(q);
        Optional<String> gpuRevision = GpuStackChecks.revision(q);
        if (app == null) {
            app = immichFacts.looksLikeImmich() ? "immich" : gpuRevision.isPresent() ? "gpustack" : null;
        }
        AppIdentity identity;
        if ("immich".equals(app)) {
            String version = immichFacts.version().orElse(null);
            Optional<ImmichRelease> known = version == null ? Optional.empty() : immich.release(version);
            ImmichRelease release = known.orElse(immich.newest());
            identity = new AppIdentity("immich", "Immich", immichFacts.latestMigration().orElse(null), version, known.isPresent());
            findings.add(recognised(immichFacts, version, release, known.isPresent()));
            p.message("Predicting Immich's start-up checks");
            StartupPrediction prediction = StartupPredictor.predict(release, version, f.serverVersion(), f.vectorExtensions(),
                    options.vectorExtension());
            Map<String, List<String>> elsewhere = Map.of();
            if (prediction.outcome() == StartupPrediction.Outcome.CREATE) {
                elsewhere = OtherDatabases.installed(q, target, options, password);
            }
            findings.addAll(ImmichChecks.extensionFindings(f, release, version, options.vectorExtension(), elsewhere));
            String chosen = prediction.extension().orElse(null);
            if (chosen != null && !prediction.outcome().fatal() || prediction.outcome() == StartupPrediction.Outcome.OUT_OF_RANGE
                    || prediction.outcome() == StartupPrediction.Outcome.DOWNGRADE) {
                findings.add(PreloadCheck.check(f, requiredLibraries(chosen, f, immichFacts, release)));
            }
            // After a fatal start-up error Immich never reaches the reindex: its findings would be noise.
            if (!prediction.outcome().fatal()) {
                findings.addAll(VectorSchemaChecks.check(f, immichFacts, release, chosen));
            }
        } else if ("gpustack".equals(app)) {
            identity = new AppIdentity("gpustack", "GPUStack", gpuRevision.orElse(null), null, gpuRevision.isPresent());
            findings.add(new Finding("app.recognised", Severity.OK, "gpustack", "GPUStack (PostgreSQL) recognised.",
                    "alembic_version = " + gpuRevision.orElse("(none)"), "The database has GPUStack's Alembic version table.",
                    Fix.text("Nothing to do.")));
            findings.addAll(GpuStackChecks.check(q, gpuRevision.orElse(null)));
        } else {
            identity = AppIdentity.UNKNOWN;
            findings.add(new Finding("app.not-recognised", Severity.WARNING, f.database(),
                    "No known app's tables in " + f.database() + "; only PostgreSQL checks were run.",
                    "no version_history + kysely_migrations (Immich) and no alembic_version (GPUStack) on the search path",
                    "The URL may name the wrong database (Immich's default is immich; the postgres database holds none of its tables).",
                    Fix.text("Check the database name in the URL, or choose the app explicitly.")));
        }
        p.checkCancelled();
        findings.addAll(ServerChecks.check(f, identity.name(), identity.recognised()));
        p.message("Checking pg_hba.conf for " + options.clientAddress());
        findings.add(HbaLiveCheck.check(q, f, target, options.clientAddress()));
        return new Diagnosis(target, identity, findings, Instant.now());
    }

    /** vchord.so for VectorChord; also vectors.so while pgvecto.rs columns or the extension remain; vectors.so for pgvecto.rs. */
    static List<String> requiredLibraries(String chosen, ServerFacts f, ImmichFacts immich, ImmichRelease release) {
        List<String> out = new ArrayList<>();
        if (chosen == null) {
            return out;
        }
        if (chosen.equals("vchord") || chosen.equals("vectors")) {
            out.add(chosen);
        }
        boolean pgvectorsLeft = immich.columns().stream().anyMatch(ImmichFacts.VectorColumn::pgvectors);
        if (!chosen.equals("vectors") && release.supports("vectors") && pgvectorsLeft) {
            out.add("vectors");
        }
        return out;
    }

    private static Finding recognised(ImmichFacts facts, String version, ImmichRelease release, boolean known) {
        String evidence = "version_history: " + (version == null ? "(no rows)" : version) + "; newest kysely migration: "
                + facts.latestMigration().orElse("(none)") + "; accepts PostgreSQL " + release.postgres().text()
                + ", pgvector " + release.pgvector().text() + ", pgvecto.rs " + release.pgvectors().map(r -> r.text()).orElse("(removed)")
                + ", VectorChord " + release.vectorchord().map(r -> r.text()).orElse("(not yet)");
        String summary = version == null ? "Immich database recognised; it records no version yet, so the newest known release's ranges ("
                + release.span() + ") are used."
                : known ? "Immich " + version + " recognised (ranges of " + release.span() + ")."
                : "Immich " + version + " recognised, newer than DB Medic knows; the newest known ranges (" + release.span() + ") are used.";
        return new Finding("app.recognised", Severity.OK, "immich", summary, evidence,
                "Immich records its version in version_history at every start and its schema in kysely_migrations.",
                Fix.text("Nothing to do."));
    }

    private static AppIdentity override(PostgresOptions options) {
        if ("immich".equalsIgnoreCase(options.appOverride())) {
            return new AppIdentity("immich", "Immich", null, null, false);
        }
        if ("gpustack".equalsIgnoreCase(options.appOverride())) {
            return new AppIdentity("gpustack", "GPUStack", null, null, false);
        }
        return AppIdentity.UNKNOWN;
    }

    private static void notes(PasswordSources sources, List<Finding> findings) {
        for (String note : sources.notes()) {
            findings.add(new Finding("postgres.pgpass-ignored", Severity.WARNING, "password file",
                    "The password file was not used.", note,
                    "libpq (and DB Medic, following it) ignores a password file that is not a plain file or that group or "
                            + "others can read, so a password stored there is not secret.",
                    Fix.text("Run chmod 600 on the file (u=rw only), as libpq asks.")));
        }
    }
}
