package dbmedic.core.immich;

import dbmedic.core.immich.StartupPrediction.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Follows Immich's start-up checks in their exact order (immich.md §1): server version,
 * extension choice (DB_VECTOR_EXTENSION or the first available of the release's
 * preference list), then not available → nightly → available out of range → create →
 * update → installed out of range → downgrade. Pure logic on catalog facts; the live
 * diagnosis feeds it what {@code pg_available_extensions} shows in the Immich database.
 */
public final class StartupPredictor {
    private StartupPredictor() {
    }

    /**
     * @param immichVersion   the installed Immich version (for message wording), may be null
     * @param serverVersion   {@code SHOW server_version}
     * @param extensions      rows of pg_available_extensions by name (only vector, vectors, vchord matter)
     * @param vectorSetting   DB_VECTOR_EXTENSION as set, or null
     */
    public static StartupPrediction predict(ImmichRelease release, String immichVersion, String serverVersion,
                                            Map<String, ExtensionState> extensions, String vectorSetting) {
        if (!release.postgres().contains(serverVersion)) {
            // Immich prints the raw SHOW server_version text, not the coerced one.
            String found = String.valueOf(serverVersion);
            return new StartupPrediction(Outcome.POSTGRES_VERSION, Optional.empty(), Optional.of(found),
                    Optional.of(ImmichMessages.invalidPostgres(found, release.postgres().text())), List.of(), Optional.empty());
        }
        String chosen;
        if (vectorSetting != null && !vectorSetting.isBlank()) {
            Optional<String> ext = ImmichMessages.extensionForSetting(vectorSetting);
            if (ext.isEmpty() || !release.supports(ext.get())) {
                return new StartupPrediction(Outcome.UNSUPPORTED, ext, Optional.empty(),
                        Optional.of("Unsupported vector extension: '" + ext.orElse(vectorSetting.strip()) + "'"),
                        List.of(), Optional.empty());
            }
            chosen = ext.get();
        } else {
            chosen = null;
            for (String name : release.extensionPreference()) {
                ExtensionState s = extensions.get(name);
                if (s != null && s.available()) {
                    chosen = name;
                    break;
                }
            }
            if (chosen == null) {
                return new StartupPrediction(Outcome.NO_EXTENSION, Optional.empty(), Optional.empty(),
                        Optional.of(ImmichMessages.noVectorExtension(release)), List.of(), Optional.empty());
            }
        }
        ExtensionState s = extensions.getOrDefault(chosen, new ExtensionState(chosen, null, null));
        VersionRange range = release.range(chosen).orElseThrow();
        String av = s.availableVersion();
        String iv = s.installedVersion();
        Optional<String> ext = Optional.of(chosen);
        if (av == null) {
            return fatal(Outcome.NOT_AVAILABLE, ext, null, ImmichMessages.notInstalled(chosen));
        }
        if ("0.0.0".equals(av) || "0.0.0".equals(iv)) {
            return fatal(Outcome.NIGHTLY, ext, "0.0.0", ImmichMessages.nightly(chosen, immichVersion));
        }
        if (!range.contains(av)) {
            return fatal(Outcome.OUT_OF_RANGE, ext, av, ImmichMessages.outOfRange(chosen, av, range));
        }
        List<String> drops = drops(release, chosen, extensions);
        if (iv == null) {
            return new StartupPrediction(Outcome.CREATE, ext, Optional.of(av), Optional.of(ImmichMessages.createFailed(chosen, immichVersion)),
                    drops, Optional.of("CREATE EXTENSION IF NOT EXISTS " + chosen + " CASCADE"));
        }
        int cmp = compare(iv, av);
        if (cmp < 0) {
            return new StartupPrediction(Outcome.UPDATE, ext, Optional.of(av),
                    Optional.of(ImmichMessages.updateFailed(chosen, av, immichVersion)), drops,
                    Optional.of("ALTER EXTENSION " + chosen + " UPDATE TO '" + av + "'"));
        }
        if (!range.contains(iv)) {
            return fatal(Outcome.OUT_OF_RANGE, ext, iv, ImmichMessages.outOfRange(chosen, iv, range));
        }
        if (cmp > 0) {
            return fatal(Outcome.DOWNGRADE, ext, iv, ImmichMessages.invalidDowngrade(chosen, iv, av));
        }
        return new StartupPrediction(Outcome.OK, ext, Optional.of(iv), Optional.empty(), drops, Optional.empty());
    }

    /** Step 7: every other listed extension installed here, except vector when vchord is chosen. */
    private static List<String> drops(ImmichRelease release, String chosen, Map<String, ExtensionState> extensions) {
        List<String> out = new ArrayList<>();
        for (String name : release.extensionPreference()) {
            if (name.equals(chosen) || (chosen.equals("vchord") && name.equals("vector"))) {
                continue;
            }
            ExtensionState s = extensions.get(name);
            if (s != null && s.installed()) {
                out.add(name);
            }
        }
        return out;
    }

    private static StartupPrediction fatal(Outcome outcome, Optional<String> ext, String version, String message) {
        return new StartupPrediction(outcome, ext, Optional.ofNullable(version), Optional.of(message), List.of(), Optional.empty());
    }

    /** semver order of the coerced versions (Immich compares with semver.lt / semver.gt). */
    static int compare(String a, String b) {
        SemVer x = SemVer.coerce(a).orElse(new SemVer(0, 0, 0));
        SemVer y = SemVer.coerce(b).orElse(new SemVer(0, 0, 0));
        return x.compareTo(y);
    }
}
