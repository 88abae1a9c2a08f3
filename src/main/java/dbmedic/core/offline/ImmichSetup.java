package dbmedic.core.offline;

import dbmedic.core.immich.ImmichKnowledge;
import dbmedic.core.immich.ImmichRelease;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Immich pieces of a compose project: the server service, the Immich version it runs
 * (its image tag, which Immich's compose file fills from {@code IMMICH_VERSION} in .env), the
 * database service Immich connects to, and the release span whose ranges apply.
 *
 * @param server        the immich-server service, or null (not an Immich folder)
 * @param versionText   the version as written ({@code v1.134.0}, {@code release}, ...), or null
 * @param release       the span of that version; empty when unknown
 * @param versionKnown  false when the tag does not pin a version (then {@code release} is the newest)
 * @param database      the database service Immich reaches, or null (external server)
 * @param dbHost        the host Immich connects to (DB_URL host, DB_HOSTNAME or "database")
 */
record ImmichSetup(ComposeService server, String versionText, Optional<ImmichRelease> release, boolean versionKnown,
                   ComposeService database, String dbHost, Optional<DbUrl> dbUrl) {

    static final String SERVER_REPOSITORY = "immich-app/immich-server";

    static ImmichSetup of(ComposeProject p, ImmichKnowledge k) {
        ComposeService server = null;
        for (ComposeService s : p.services()) {
            if (isServerImage(s.image())) {
                server = s;
                break;
            }
        }
        if (server == null) {
            // The image may have been replaced by mistake (immich#18483): fall back to the name.
            for (ComposeService s : p.services()) {
                if (isServerName(s)) {
                    server = s;
                    break;
                }
            }
        }
        final ComposeService srv = server;
        String versionText = null;
        if (server != null && isServerImage(server.image())) {
            versionText = DatabaseImage.parse(server.image()).tag();
        }
        if (versionText == null) {
            versionText = p.env().values().get("IMMICH_VERSION");
        }
        boolean pinned = versionText != null && versionText.toLowerCase(Locale.ROOT).matches("v?[0-9]+\\.[0-9]+(\\.[0-9]+)?");
        Optional<ImmichRelease> release = pinned ? k.release(versionText) : Optional.empty();
        boolean known = release.isPresent();
        if (release.isEmpty() && versionText != null && versionText.toLowerCase(Locale.ROOT).matches("v?[0-9]+")) {
            // A major-only tag ("v1") follows that major's newest release: the last span starting in it.
            long major = Long.parseLong(versionText.replaceAll("[^0-9]", ""));
            for (ImmichRelease r : k.releases()) {
                if (r.first().major() == major) {
                    release = Optional.of(r);
                }
            }
        }
        if (release.isEmpty()) {
            release = Optional.of(k.newest());
        }
        Map<String, String> env = server == null ? p.env().values() : server.environment();
        Optional<DbUrl> url = Optional.ofNullable(env.get("DB_URL")).filter(u -> !u.isBlank()).map(DbUrl::parse);
        String host = url.map(DbUrl::host).orElse(Optional.ofNullable(env.get("DB_HOSTNAME"))
                .filter(h -> !h.isBlank()).orElse("database"));
        ComposeService db = null;
        for (ComposeService s : p.services()) {
            if (s != server && s.answersTo(host)) {
                db = s;
            }
        }
        if (db == null) {
            List<ComposeService> pg = p.services().stream()
                    .filter(s -> s != srv && DatabaseImage.looksLikePostgres(s.image())).toList();
            if (pg.size() == 1 && url.isEmpty() && env.get("DB_HOSTNAME") == null) {
                db = pg.get(0);
            }
        }
        return new ImmichSetup(server, versionText, release, known, db, host, url);
    }

    boolean isImmich() {
        return server != null;
    }

    static boolean isServerImage(String image) {
        return image != null && DatabaseImage.parse(image).repository().equals(SERVER_REPOSITORY);
    }

    static boolean isServerName(ComposeService s) {
        return s.name().equalsIgnoreCase("immich-server") || s.name().equalsIgnoreCase("immich_server")
                || "immich_server".equalsIgnoreCase(s.containerName());
    }

    /** The container environment Immich reads (the server's, or the bare .env). */
    Map<String, String> serverEnv(ComposeProject p) {
        return server == null ? p.env().values() : server.environment();
    }
}
