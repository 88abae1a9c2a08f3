package dbmedic.core.immich.migrate;

import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.ImmichRelease;
import dbmedic.core.immich.VersionRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reasons not to apply a phase now (issue 4 §Guards). Each refusal says why, what to do,
 * and the details (the sessions, the statements a superuser must run); none changes anything.
 */
final class Guards {
    private final ImmichKnowledge immich;

    Guards(ImmichKnowledge immich) {
        this.immich = immich;
    }

    List<Refusal> check(MigrationState s, MigrationPlan plan, Optional<MigrationJournal> journal) {
        List<Refusal> out = new ArrayList<>();
        if (journal.isPresent() && !journal.get().planId().equals(plan.id())) {
            MigrationJournal j = journal.get();
            out.add(new Refusal("journal-pending", "A migration of this database with plan " + j.planId()
                    + " is under way (phases done: " + (j.phasesDone().isEmpty() ? "none" : String.join(", ", j.phasesDone()))
                    + ").", "Finish that plan first: run DB Medic again with plan " + j.planId() + ".",
                    List.of("Journal started " + j.started() + ", backup " + j.backupFolder())));
            return out;
        }
        Optional<MigrationPhase> next = Phases.next(plan, s, journal);
        if (next.isEmpty()) {
            out.add(new Refusal("nothing-to-do", "Every phase of " + plan.id() + " is already done on this database.",
                    "Nothing to apply; verify the result against the backup.", List.of()));
            return out;
        }
        MigrationPhase phase = next.get();
        if (s.inRecovery() || s.readOnly()) {
            String primary = s.primaryHost().map(h -> " The primary it replicates from is " + h + ".").orElse("");
            out.add(new Refusal("read-only", s.inRecovery()
                    ? "This server is a replica (hot standby, in recovery): it cannot change anything." + primary
                    : "This database is read-only (default_transaction_read_only is on).",
                    s.inRecovery() ? "Connect DB Medic to the primary server instead (the one Immich writes to)."
                            : "Connect as a role or to a server where the database is writable.", List.of()));
        }
        if (!s.otherSessions().isEmpty()) {
            out.add(new Refusal("other-sessions", s.otherSessions().size() + " other session"
                    + (s.otherSessions().size() == 1 ? " is" : "s are") + " connected to the database " + s.database()
                    + "; Immich must not run while its embeddings change.",
                    "Stop Immich (e.g. `docker compose stop immich-server immich-machine-learning`), close other tools"
                            + " connected to this database, then run DB Medic again.",
                    s.otherSessions().stream().map(OtherSession::describe).toList()));
        }
        if ((phase.id().equals("convert") || phase.id().equals("phase-1")) && pgvectorsGone(s)) {
            out.add(new Refusal("pgvectors-missing", "The embeddings still use pgvecto.rs's type, but this server no longer"
                    + " has pgvecto.rs (its files are gone, e.g. a database image without -pgvectors): reading them fails"
                    + " with `could not access file \"$libdir/vectors\"`.", "Put back an image that has pgvecto.rs for the"
                    + " conversion (e.g. ghcr.io/immich-app/postgres:" + s.serverMajor() + "-vectorchord0.4.3-pgvectors"
                    + s.extension("vectors").flatMap(ExtensionInfo::installedVersion).orElse("0.2.0")
                    + "), run DB Medic, then switch to the image you want.", List.of()));
        }
        switch (phase.id()) {
            case "convert", "phase-2", "install" -> vchordRequirements(s, plan, phase, out);
            default -> {
            }
        }
        if (plan.id().equals(MigrationPlan.CLEANUP)) {
            cleanupRequirements(s, out);
        }
        privileges(s, plan, phase, out);
        return out;
    }

    private static boolean pgvectorsGone(MigrationState s) {
        ExtensionInfo vectors = s.extension("vectors").orElse(null);
        return s.tables().stream().anyMatch(VectorTable::pgvectorsType) && vectors != null && vectors.installed()
                && !vectors.available();
    }

    private void vchordRequirements(MigrationState s, MigrationPlan plan, MigrationPhase phase, List<Refusal> out) {
        ExtensionInfo vchord = s.extension("vchord").orElse(new ExtensionInfo("vchord", Optional.empty(), List.of(),
                Optional.empty()));
        if (!vchord.installed() && !vchord.available()) {
            out.add(new Refusal("not-available", "VectorChord (vchord) is not available on this PostgreSQL server:"
                    + " pg_available_extensions does not list it.", plan.id().equals(MigrationPlan.PGVECTORS_TO_VCHORD)
                    ? "Use the two-phase plan (" + MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE + "), or switch the database"
                            + " to an image with both pgvecto.rs and VectorChord first."
                    : "Switch the database image to one with VectorChord (see the instructions of the previous phase),"
                            + " start it, and run DB Medic again.", List.of()));
            return;
        }
        if (!vchord.installed() && s.preload().known() && !Preload.loads(s.preload().value(), "vchord")) {
            out.add(new Refusal("not-preloaded", "VectorChord is installed on the server but not loaded:"
                    + " shared_preload_libraries is '" + s.preload().value() + "' (set by " + s.preload().source()
                    + "), and CREATE EXTENSION vchord fails with `vchord must be loaded via shared_preload_libraries.`",
                    preloadAdvice(s.preload()), List.of()));
        }
        if (plan.id().equals(MigrationPlan.PGVECTOR_TO_VCHORD)) {
            ExtensionInfo vector = s.extension("vector").orElseThrow();
            String best = vector.installedVersion().filter(v -> atLeast(v, "0.7.0")).orElse(vector.defaultVersion().orElse(""));
            if (!atLeast(best, "0.7.0")) {
                out.add(new Refusal("pgvector-too-old", "VectorChord needs pgvector 0.7.0 or later; this server offers"
                        + " pgvector " + (best.isEmpty() ? "no version" : best) + ".",
                        "Install pgvector 0.7 or later on the server (e.g. a newer postgresql-NN-pgvector package or database"
                                + " image), then run DB Medic again.", List.of()));
            }
        }
        if (phase.id().equals("phase-2") || phase.id().equals("convert")) {
            List<String> unknown = plan.dimensions().entrySet().stream().filter(e -> e.getValue() == null || e.getValue() <= 0)
                    .map(e -> e.getKey()).toList();
            if (!unknown.isEmpty()) {
                out.add(new Refusal("dimension-unknown", "The embedding dimension of " + String.join(", ", unknown)
                        + " is unknown: the column is real[] without a journal, and its rows do not agree on one length.",
                        "Find the CLIP model's dimension (Administration → Settings → Machine Learning; e.g. ViT-B-32 = 512)"
                                + " and convert by hand with ALTER TABLE ... SET DATA TYPE vector(<dim>).", List.of()));
            }
        }
        rangeCheck(s, vchord, out);
    }

    private void rangeCheck(MigrationState s, ExtensionInfo vchord, List<Refusal> out) {
        Optional<String> version = vchord.installedVersion().or(vchord::defaultVersion);
        if (s.immichVersion().isEmpty() || version.isEmpty()) {
            return;
        }
        Optional<ImmichRelease> release = immich.release(s.immichVersion().get());
        if (release.isEmpty()) {
            return;
        }
        Optional<VersionRange> range = release.get().vectorchord();
        if (range.isEmpty()) {
            out.add(new Refusal("vchord-range", "Immich " + s.immichVersion().get() + " does not support VectorChord at all"
                    + " (it arrived with v1.133.0).", "Upgrade Immich to v1.133.0 or later first (through v1.132.3, as its"
                    + " upgrade notes say), then migrate.", List.of()));
        } else if (!range.get().contains(version.get())) {
            out.add(new Refusal("vchord-range", "This server would install VectorChord " + version.get() + ", but Immich "
                    + s.immichVersion().get() + " only supports " + range.get().text() + ": it would refuse to start"
                    + " (`The VectorChord extension version is " + version.get() + ", but Immich only supports "
                    + range.get().text() + ".`).", "Use a database image with a VectorChord version in " + range.get().text()
                    + ", or upgrade Immich to a release that accepts " + version.get() + ".", List.of()));
        }
    }

    private static void cleanupRequirements(MigrationState s, List<Refusal> out) {
        List<String> old = s.tables().stream().filter(t -> t.pgvectorsType() || t.realArray())
                .map(t -> t.table() + ".embedding is " + t.columnType()).toList();
        if (!old.isEmpty()) {
            out.add(new Refusal("still-pgvectors", "The embeddings are not on VectorChord yet, so dropping pgvecto.rs now"
                    + " would lose them or leave them unusable.", "Run the migration plan first, start Immich, wait for"
                    + " `Reindexed clip_index` and `Reindexed face_index`, then clean up.", old));
            return;
        }
        List<String> notReindexed = s.tables().stream().filter(t -> t.indexes().stream()
                        .noneMatch(i -> i.definition().toLowerCase(java.util.Locale.ROOT).contains("using vchordrq")))
                .map(t -> t.table() + " has no VectorChord index yet").toList();
        if (!notReindexed.isEmpty()) {
            out.add(new Refusal("not-reindexed", "Immich has not rebuilt its indexes with VectorChord yet.",
                    "Start Immich and wait for `Reindexed clip_index` and `Reindexed face_index` in its log, then clean up.",
                    notReindexed));
        }
    }

    private static void privileges(MigrationState s, MigrationPlan plan, MigrationPhase phase, List<Refusal> out) {
        Privileges p = s.privileges();
        if (p.superuser()) {
            return;
        }
        List<String> superuserSql = new ArrayList<>();
        String db = s.database();
        boolean vchordInstalled = s.extension("vchord").map(ExtensionInfo::installed).orElse(false);
        boolean createsVchord = phase.statements().stream().anyMatch(st -> st.startsWith("CREATE EXTENSION"));
        if (createsVchord && !vchordInstalled) {
            superuserSql.add("CREATE EXTENSION IF NOT EXISTS vchord CASCADE;");
        }
        if (phase.statements().contains("ALTER EXTENSION vector UPDATE") && !p.ownsVectorExtension()) {
            superuserSql.add(0, "ALTER EXTENSION vector UPDATE;");
        }
        if (phase.statements().stream().anyMatch(st -> st.startsWith("DROP EXTENSION vectors")) && !p.ownsVectorsExtension()) {
            superuserSql.addAll(phase.statements().stream().map(st -> st + ";").toList());
        }
        if (!phase.tables().isEmpty() && !p.ownsVectorTables()) {
            superuserSql.clear();
            superuserSql.addAll(phase.statements().stream().map(st -> st + ";").toList());
        }
        if (!superuserSql.isEmpty()) {
            List<String> details = new ArrayList<>();
            details.add("psql -U postgres -d " + db + "   (a superuser, connected to the Immich database " + db + ")");
            details.addAll(superuserSql);
            out.add(new Refusal("privileges", "The role " + s.currentUser() + " may not run every statement of this phase"
                    + " (VectorChord, pgvecto.rs and pgvector can only be created or changed by a superuser or their owner).",
                    "Run these statements as a superuser connected to the Immich database (not `postgres`: extensions are"
                            + " installed per database), then run DB Medic again; it continues with what is left.",
                    details));
        }
    }

    static String preloadAdvice(PreloadSetting preload) {
        String with = preload.value() == null || preload.value().isBlank() ? "vchord.so" : "vchord.so, " + preload.value();
        if (preload.fromCommandLine()) {
            return "It comes from the server's command line (a compose `command:` such as `postgres -c"
                    + " shared_preload_libraries=vectors.so`): remove `command:` and `healthcheck:` from the database service"
                    + " so the image's own configuration loads vchord.so, or add vchord.so to that -c option; restart the"
                    + " database and run DB Medic again.";
        }
        if (preload.fromAutoConf()) {
            return "It comes from postgresql.auto.conf (an earlier ALTER SYSTEM): as a superuser run `ALTER SYSTEM SET"
                    + " shared_preload_libraries = " + Preload.alterSystemValue(Preload.names(with)) + ";`, restart"
                    + " PostgreSQL and run DB Medic again.";
        }
        return "Set `shared_preload_libraries = " + Preload.confValue(Preload.names(with)) + "` in "
                + preload.sourceFile().orElse("postgresql.conf") + ", restart PostgreSQL and run DB Medic again.";
    }

    private static boolean atLeast(String version, String min) {
        return dbmedic.core.immich.SemVer.coerce(version)
                .map(v -> v.compareTo(dbmedic.core.immich.SemVer.coerce(min).orElseThrow()) >= 0).orElse(false);
    }
}
