package dbmedic.core.offline;

import dbmedic.core.app.AppIdentity;
import dbmedic.core.finding.Finding;
import dbmedic.core.finding.Severity;
import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.ImmichRelease;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every compose-folder check, in the order a reader would follow them. */
final class ComposeChecks {

    /** {@code setup} is null when the files could not be read. */
    record Result(AppIdentity app, List<Finding> findings, ImmichSetup setup, Optional<String> chosenExtension) {
    }

    private ComposeChecks() {
    }

    static Result run(ComposeProject p, ImmichKnowledge k) {
        List<Finding> out = new ArrayList<>();
        String file = p.composeFile().getFileName().toString();
        if (!p.env().problems().isEmpty()) {
            out.add(Findings.of("compose.invalid-file", Severity.ERROR, ".env",
                    "Docker Compose cannot read .env",
                    ".env " + String.join("; ", p.env().problems()),
                    "Compose refuses to start the project when a .env line is not KEY=VALUE.",
                    "Fix the named lines: KEY=VALUE, a # at the start for comments, quotes around values with spaces."));
        }
        if (p.yamlError() != null) {
            out.add(Findings.of("compose.invalid-file", Severity.ERROR, file,
                    "Docker Compose cannot read " + file,
                    file + ": " + p.yamlError(),
                    "The file is not valid Compose YAML, so `docker compose up` refuses to start anything; often a "
                            + "tab used for indentation or a line indented differently from its neighbours after an edit.",
                    "Fix the YAML at the named line (spaces only, same indentation as the sibling keys), or start "
                            + "again from the compose file of your Immich release and re-apply your changes."));
            return new Result(AppIdentity.UNKNOWN, Secrets.scrub(out, Secrets.of(p)), null, Optional.empty());
        }
        ImmichSetup setup = ImmichSetup.of(p, k);
        ImmichRelease release = setup.release().orElseThrow();
        AppIdentity app = setup.isImmich()
                ? new AppIdentity("immich", "Immich", null, setup.versionKnown() ? setup.versionText() : null,
                setup.versionKnown())
                : AppIdentity.UNKNOWN;
        if (setup.isImmich()) {
            out.add(Findings.of("app.recognised", Severity.OK, "immich",
                    "Immich compose folder" + (setup.versionKnown() ? " (" + setup.versionText() + ")" : ""),
                    setup.server().label() + " image " + setup.server().image()
                            + (setup.versionKnown() ? "; accepted versions of release span " + release.span()
                            + ": PostgreSQL " + release.postgres().text()
                            + release.vectorchord().map(r -> ", VectorChord " + r.text()).orElse("")
                            + release.pgvectors().map(r -> ", pgvecto.rs " + r.text()).orElse("")
                            + ", pgvector " + release.pgvector().text() : ""),
                    "The compose file has an immich-server service.", "Nothing to do."));
            if (!setup.versionKnown()) {
                out.add(Findings.of("immich.version-unknown", Severity.INFO, "immich",
                        "The Immich version is not pinned, so the checks assume the newest matching release span ("
                                + release.span() + ")",
                        "version text: " + (setup.versionText() == null ? "(none: IMMICH_VERSION unset)"
                                : setup.versionText()),
                        "IMMICH_VERSION=release (or an unset variable, a major-only tag) pulls whatever release was "
                                + "newest at the last `docker compose pull`; DB Medic cannot tell which one that was.",
                        "Pin the version in .env, e.g. IMMICH_VERSION=" + release.to() + ", and use the compose "
                                + "file of that release; then diagnose again for exact ranges."));
            }
        } else {
            out.add(Findings.of("app.not-recognised", Severity.WARNING, file,
                    "No immich-server service in " + file + ": only the generic database-service checks ran",
                    "services: " + String.join(", ", p.services().stream().map(ComposeService::name).toList()),
                    "DB Medic recognises Immich by a service running ghcr.io/immich-app/immich-server.",
                    "Point DB Medic at the Immich compose folder, or at the database directly."));
        }
        unsetVariables(p).ifPresent(out::add);
        wrongService(p, setup).ifPresent(out::add);

        Map<String, String> env = setup.serverEnv(p);
        Optional<String> pinnedRaw = Optional.ofNullable(env.get("DB_VECTOR_EXTENSION")).filter(v -> !v.isBlank());
        Optional<String> pinned = pinnedRaw.flatMap(ExtensionNames::fromEnv);

        ComposeService db = setup.database();
        if (db == null) {
            if (setup.isImmich()) {
                out.add(Findings.of("compose.no-database-service", Severity.INFO, setup.dbHost(),
                        "Immich connects to `" + setup.dbHost() + "`, which is not a service of this compose file",
                        setup.dbUrl().map(u -> "DB_URL " + u.redacted()).orElse("DB_HOSTNAME " + setup.dbHost())
                                + "; services: " + String.join(", ", p.services().stream().map(ComposeService::name).toList()),
                        "The database runs elsewhere (another compose project, a host install, a NAS app), so its "
                                + "image and settings cannot be read from here.",
                        "Diagnose that server with its URL (live), or its data directory (offline)."));
            }
        } else if (db.image() == null) {
            out.add(Findings.of("compose.database-image", Severity.INFO, db.name(), "The database service has no image",
                    db.label(), "It is built locally (build:), so versions cannot be read from a tag.",
                    "Check the versions live: SELECT name, default_version, installed_version FROM "
                            + "pg_available_extensions WHERE name IN ('vchord','vectors','vector');"));
        } else {
            DatabaseImage image = DatabaseImage.parse(db.image());
            out.add(Findings.of("compose.database-image", Severity.INFO, db.name(),
                    "Database image: " + image.describe(),
                    db.label() + " image " + image.reference()
                            + (image.reference().contains("@sha256:") ? " (the digest pins the exact image)" : ""),
                    image.known() ? "Read from the image tag." : "DB Medic does not know this image's tags.",
                    image.known() ? "Nothing to do." : "Check the versions live: SELECT name, default_version, "
                            + "installed_version FROM pg_available_extensions WHERE name IN ('vchord','vectors','vector');"));
            Optional<String> chosen = image.known() && setup.isImmich()
                    ? ImageChecks.chosenExtension(image, release, pinned) : Optional.empty();
            if (setup.isImmich()) {
                out.addAll(ImageChecks.check(setup, image, pinned, k));
            }
            out.addAll(DatabaseServiceChecks.check(db, image, chosen));
            pinnedRaw.ifPresent(v -> out.add(PinnedExtension.finding(v, pinned, setup, image, p)));
            setup.dbUrl().flatMap(u -> DbUrlChecks.check(u, db, setup)).ifPresent(out::add);
            return new Result(app, Secrets.scrub(out, Secrets.of(p)), setup, chosen);
        }
        pinnedRaw.ifPresent(v -> out.add(PinnedExtension.finding(v, pinned, setup, null, p)));
        return new Result(app, Secrets.scrub(out, Secrets.of(p)), setup, Optional.empty());
    }

    private static Optional<Finding> unsetVariables(ComposeProject p) {
        List<String> notes = p.notes();
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Findings.of("compose.variable-not-set", Severity.WARNING, ".env",
                "The compose file uses variables that .env does not set",
                String.join("; ", notes),
                "Compose replaces an unset ${VAR} with an empty string (unless the shell sets it), so a volume "
                        + "like ${DB_DATA_LOCATION}:/var/lib/postgresql/data loses its host path.",
                "Set the named variables in .env (see the .env example of your Immich release)."));
    }

    /** immich#18483: the new database image ended up on the server service. */
    private static Optional<Finding> wrongService(ComposeProject p, ImmichSetup setup) {
        for (ComposeService s : p.services()) {
            boolean serverSlot = ImmichSetup.isServerName(s) || s == setup.server();
            if (serverSlot && DatabaseImage.looksLikePostgres(s.image())) {
                String dbImage = setup.database() == null ? "(no database service found)"
                        : setup.database().label() + " runs " + setup.database().image();
                return Optional.of(Findings.of("compose.image-on-wrong-service", Severity.ERROR, s.name(),
                        "The Immich server service runs a PostgreSQL image",
                        s.label() + " image " + s.image() + "; " + dbImage,
                        "The database image was pasted onto the server service instead of the database service "
                                + "(immich#18483): Immich itself does not run, and the database keeps its old image.",
                        "Set `image: ghcr.io/immich-app/immich-server:${IMMICH_VERSION:-release}` on " + s.name()
                                + " again and put " + s.image() + " on the database service."));
            }
        }
        return Optional.empty();
    }
}
