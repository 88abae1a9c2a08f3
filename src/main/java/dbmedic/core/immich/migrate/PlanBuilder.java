package dbmedic.core.immich.migrate;

import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.ImmichRelease;
import dbmedic.core.immich.SemVer;
import dbmedic.core.immich.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link MigrationState} (and a pending journal) into the plans of issue 4 with their
 * exact statements: the official manual SQL of immich.md §6, the dimension of every column
 * read from the column itself (atttypmod) or, between the two phases, from the journal.
 */
final class PlanBuilder {
    private static final String CREATE_VCHORD = "CREATE EXTENSION IF NOT EXISTS vchord CASCADE";

    private final MigrationPacks packs;
    private final ImmichKnowledge immich;

    PlanBuilder(MigrationPacks packs, ImmichKnowledge immich) {
        this.packs = packs;
        this.immich = immich;
    }

    List<MigrationPlan> offered(MigrationState s, Optional<MigrationJournal> journal, boolean buildIndexes) {
        List<MigrationPlan> plans = new ArrayList<>();
        if (journal.isPresent()) {
            build(s, journal.get().planId(), journal, buildIndexes).ifPresent(plans::add);
        }
        boolean pgvectors = s.tables().stream().anyMatch(VectorTable::pgvectorsType);
        boolean real = s.tables().stream().anyMatch(VectorTable::realArray);
        boolean pgvector = !s.tables().isEmpty() && s.tables().stream().allMatch(VectorTable::pgvectorType);
        List<String> ids = new ArrayList<>();
        if (pgvectors) {
            if (s.extension("vchord").map(ExtensionInfo::available).orElse(false)) {
                ids.add(MigrationPlan.PGVECTORS_TO_VCHORD);
            }
            ids.add(MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE);
        } else if (real) {
            ids.add(MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE);
        } else if (pgvector && !s.extension("vchord").map(ExtensionInfo::installed).orElse(false)) {
            ids.add(MigrationPlan.PGVECTOR_TO_VCHORD);
        }
        if (!pgvectors && !real && cleanupNeeded(s)) {
            ids.add(MigrationPlan.CLEANUP);
        }
        for (String id : ids) {
            if (plans.stream().noneMatch(p -> p.id().equals(id))) {
                build(s, id, journal, buildIndexes).ifPresent(plans::add);
            }
        }
        return plans;
    }

    static boolean cleanupNeeded(MigrationState s) {
        return s.extension("vectors").map(ExtensionInfo::installed).orElse(false) || s.vectorsSchema()
                || Preload.loads(s.preload().value(), "vectors") && !s.preload().dropsAtRestart("vectors");
    }

    /** Any plan by id, whether offered or not (the guards say why it cannot run). */
    Optional<MigrationPlan> build(MigrationState s, String id, Optional<MigrationJournal> journal, boolean buildIndexes) {
        Optional<MigrationJournal> own = journal.filter(j -> j.planId().equals(id));
        return switch (id) {
            case MigrationPlan.PGVECTORS_TO_VCHORD -> Optional.of(oneStep(s, buildIndexes));
            case MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE -> Optional.of(twoPhase(s, own, buildIndexes));
            case MigrationPlan.PGVECTOR_TO_VCHORD -> Optional.of(fromPgvector(s));
            case MigrationPlan.CLEANUP -> Optional.of(cleanup(s));
            default -> Optional.empty();
        };
    }

    /** Dimension per table: the journal's first (recorded before real[] lost it), else the column's typmod, else the stored arrays. */
    Map<String, Integer> dimensions(MigrationState s, Optional<MigrationJournal> journal) {
        Map<String, Integer> dims = new LinkedHashMap<>();
        for (VectorTable t : s.tables()) {
            Integer recorded = journal.map(j -> j.dimensions().get(t.table())).orElse(null);
            int d = recorded != null ? recorded : t.dimension() > 0 ? t.dimension() : t.storedDimension();
            dims.put(t.table(), d);
        }
        return dims;
    }

    private MigrationPlan oneStep(MigrationState s, boolean buildIndexes) {
        Map<String, Integer> dims = dimensions(s, Optional.empty());
        List<String> sql = new ArrayList<>();
        sql.add(CREATE_VCHORD);
        for (VectorTable t : s.tables()) {
            sql.add("DROP INDEX IF EXISTS " + packs.indexOf(t.table()));
            sql.add(alter(t.table(), "real[]"));
            sql.add(alter(t.table(), vector(dims.get(t.table()))));
        }
        if (buildIndexes) {
            sql.addAll(indexes(s));
        }
        MigrationPhase phase = new MigrationPhase("convert", "Install VectorChord and convert the embeddings", sql, true,
                tables(s), Optional.empty());
        return new MigrationPlan(MigrationPlan.PGVECTORS_TO_VCHORD, "pgvecto.rs → VectorChord (both installed)",
                "This server has both pgvecto.rs and VectorChord, so everything happens in one transaction: VectorChord is"
                        + " installed in the Immich database, the old pgvecto.rs indexes are dropped and every embedding is"
                        + " converted to VectorChord's vector type with its dimension (" + describe(dims) + "). Either all of"
                        + " it happens or none of it. Immich builds the new indexes when it starts next.",
                dims, List.of(phase), afterConvert(buildIndexes));
    }

    private MigrationPlan twoPhase(MigrationState s, Optional<MigrationJournal> journal, boolean buildIndexes) {
        Map<String, Integer> dims = dimensions(s, journal);
        List<String> one = new ArrayList<>();
        List<String> two = new ArrayList<>();
        two.add(CREATE_VCHORD);
        for (VectorTable t : s.tables()) {
            one.add("DROP INDEX IF EXISTS " + packs.indexOf(t.table()));
            one.add(alter(t.table(), "real[]"));
            two.add(alter(t.table(), vector(dims.get(t.table()))));
        }
        if (buildIndexes) {
            two.addAll(indexes(s));
        }
        MigrationPhase p1 = new MigrationPhase("phase-1", "On the current image: drop the indexes, embeddings to real[]",
                one, true, tables(s), Optional.of(imageSwap(s)));
        MigrationPhase p2 = new MigrationPhase("phase-2", "On the new image: install VectorChord, embeddings to vector",
                two, true, tables(s), Optional.empty());
        return new MigrationPlan(MigrationPlan.PGVECTORS_TO_VCHORD_TWO_PHASE,
                "pgvecto.rs → VectorChord in two phases (image swap in the middle)",
                "VectorChord cannot be installed beside pgvecto.rs on this server, so the move takes two phases. Phase 1,"
                        + " on the current database image, records each embedding's dimension (" + describe(dims) + ") in"
                        + " DB Medic's journal, drops the pgvecto.rs indexes and turns the embeddings into plain real[]"
                        + " arrays, which need no extension. Then you swap the database image for one with VectorChord."
                        + " Phase 2, on the new image, installs VectorChord and turns the arrays into VectorChord's vector"
                        + " type. Each phase is one transaction; if anything stops in between, running DB Medic again"
                        + " resumes from the journal.",
                dims, List.of(p1, p2), afterConvert(buildIndexes));
    }

    private MigrationPlan fromPgvector(MigrationState s) {
        List<String> sql = new ArrayList<>();
        Optional<String> installed = s.extension("vector").flatMap(ExtensionInfo::installedVersion);
        if (installed.flatMap(SemVer::coerce).map(v -> v.compareTo(new SemVer(0, 7, 0)) < 0).orElse(false)) {
            sql.add("ALTER EXTENSION vector UPDATE");
        }
        sql.add(CREATE_VCHORD);
        MigrationPhase phase = new MigrationPhase("install", "Install VectorChord beside pgvector", sql, true, List.of(),
                Optional.empty());
        List<String> after = new ArrayList<>(packs.pgvectorNotes());
        after.add(packs.afterConvert().get(0));
        return new MigrationPlan(MigrationPlan.PGVECTOR_TO_VCHORD, "pgvector → VectorChord",
                "The embeddings already use pgvector's vector type, which VectorChord builds on, so no value is converted:"
                        + " pgvector is brought to 0.7 or later if needed and VectorChord is installed in the Immich"
                        + " database. Immich then replaces its pgvector indexes with VectorChord ones at its next start.",
                dimensions(s, Optional.empty()), List.of(phase), after);
    }

    private MigrationPlan cleanup(MigrationState s) {
        List<MigrationPhase> phases = new ArrayList<>();
        List<String> sql = new ArrayList<>();
        if (s.extension("vectors").map(ExtensionInfo::installed).orElse(false)) {
            sql.add("DROP EXTENSION vectors");
            // The schema may outlive the extension (immich.md §7 #27); IF EXISTS: it may not.
            sql.add("DROP SCHEMA IF EXISTS vectors");
        } else if (s.vectorsSchema()) {
            sql.add("DROP SCHEMA vectors");
        }
        if (!sql.isEmpty()) {
            phases.add(new MigrationPhase("drop-vectors", "Drop pgvecto.rs from the Immich database", sql, true,
                    List.of(), Optional.empty()));
        }
        List<String> after = new ArrayList<>();
        PreloadSetting preload = s.preload();
        if (!preload.known()) {
            after.add("This role may not read shared_preload_libraries. As a superuser check `SHOW"
                    + " shared_preload_libraries;` and take vectors.so out of it where it was set (postgresql.conf,"
                    + " postgresql.auto.conf or the compose `command:`), then restart PostgreSQL.");
        } else if (preload.dropsAtRestart("vectors")) {
            after.add("shared_preload_libraries is already changed in the configuration files; restart PostgreSQL"
                    + " (e.g. `docker compose restart database`) so it stops loading vectors.so.");
        } else if (Preload.loads(preload.value(), "vectors")) {
            List<String> rest = Preload.without(preload.value(), "vectors");
            String restWords = rest.isEmpty() ? "nothing" : String.join(", ", rest);
            if (preload.fromAutoConf() && s.privileges().canAlterSystem()) {
                String stmt = rest.isEmpty() ? "ALTER SYSTEM RESET shared_preload_libraries"
                        : "ALTER SYSTEM SET shared_preload_libraries = " + Preload.alterSystemValue(rest);
                phases.add(new MigrationPhase("preload", "Take vectors.so out of shared_preload_libraries", List.of(stmt),
                        false, List.of(), Optional.empty()));
                after.add("Restart PostgreSQL (e.g. `docker compose restart database`) so shared_preload_libraries"
                        + " loads " + restWords + " only.");
            } else if (preload.fromAutoConf()) {
                String stmt = rest.isEmpty() ? "ALTER SYSTEM RESET shared_preload_libraries;"
                        : "ALTER SYSTEM SET shared_preload_libraries = " + Preload.alterSystemValue(rest) + ";";
                after.add("vectors.so is preloaded through postgresql.auto.conf (ALTER SYSTEM). As a superuser run `"
                        + stmt + "` (it cannot run inside a transaction), then restart PostgreSQL.");
            } else if (preload.fromCommandLine()) {
                after.add("vectors.so is preloaded from the server's command line (the compose `command:` of the database"
                        + " service, e.g. `command: postgres -c shared_preload_libraries=vectors.so ...`). Remove that"
                        + " `command:` (and its `healthcheck:`) so the image's own configuration is used, or change it to `-c"
                        + " shared_preload_libraries=" + String.join(",", rest.isEmpty() ? List.of("vchord.so") : rest)
                        + "`; then `docker compose up -d database`.");
            } else {
                String where = preload.sourceFile().map(f -> f + preload.sourceLine().map(l -> " line " + l).orElse(""))
                        .orElse("postgresql.conf (the file is visible to superusers only)");
                after.add("vectors.so is preloaded through " + where + ". Change that line to `shared_preload_libraries = "
                        + Preload.confValue(rest) + "` and restart PostgreSQL.");
            }
        }
        after.add("pgvecto.rs can now be uninstalled from the server (e.g. a database image without -pgvectors); keep"
                + " pgvector: VectorChord uses its vector type.");
        return new MigrationPlan(MigrationPlan.CLEANUP, "Clean up pgvecto.rs after Immich reindexed",
                "Immich now runs on VectorChord, so pgvecto.rs is dead weight: its extension and schema are dropped from"
                        + " the Immich database and vectors.so is taken out of shared_preload_libraries.",
                dimensions(s, Optional.empty()), phases, after);
    }

    private List<String> afterConvert(boolean buildIndexes) {
        if (!buildIndexes) {
            return packs.afterConvert();
        }
        return List.of("Start Immich; the VectorChord indexes are already built with the lists Immich expects, so it"
                + " should not reindex.", packs.afterConvert().get(1));
    }

    private List<String> indexes(MigrationState s) {
        return s.tables().stream().map(t -> VectorIndexSql.create(packs.vchordIndexTemplate(), packs.indexOf(t.table()),
                t.table(), t.rows())).toList();
    }

    private static List<String> tables(MigrationState s) {
        return s.tables().stream().map(VectorTable::table).toList();
    }

    static String alter(String table, String type) {
        return "ALTER TABLE " + table + " ALTER COLUMN embedding SET DATA TYPE " + type;
    }

    private static String vector(Integer dim) {
        return "vector(" + (dim == null || dim <= 0 ? "?" : dim) + ")";
    }

    private static String describe(Map<String, Integer> dims) {
        List<String> parts = new ArrayList<>();
        dims.forEach((t, d) -> parts.add(t + " " + (d == null || d <= 0 ? "unknown" : d)));
        return String.join(", ", parts);
    }

    private ImageSwap imageSwap(MigrationState s) {
        String major = Integer.toString(s.serverMajor());
        String vchord = suggestedVchord(s);
        String pgvectors = s.extension("vectors").flatMap(ExtensionInfo::installedVersion).orElse("0.2.0");
        List<SetupInstruction> list = new ArrayList<>();
        for (SetupInstruction i : packs.imageSwap().instructions()) {
            list.add(new SetupInstruction(i.setup(), i.title(), i.steps().stream()
                    .map(step -> fill(step, major, vchord, pgvectors)).toList()));
        }
        return new ImageSwap(fill(packs.imageSwap().summary(), major, vchord, pgvectors), list);
    }

    private static String fill(String text, String major, String vchord, String pgvectors) {
        return text.replace("{major}", major).replace("{vchord}", vchord).replace("{pgvectors}", pgvectors);
    }

    /** The newest VectorChord of Immich's images that the recorded Immich version accepts. */
    private String suggestedVchord(MigrationState s) {
        Optional<VersionRange> range = s.immichVersion().flatMap(immich::release).flatMap(ImmichRelease::vectorchord);
        for (String candidate : List.of("0.4.3", "0.3.0")) {
            if (range.isEmpty() || range.get().contains(candidate)) {
                return candidate;
            }
        }
        return "0.4.3";
    }
}
