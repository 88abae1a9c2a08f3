package dbmedic.core.immich;

import java.util.Optional;

/**
 * The exact texts Immich prints at start-up (immich.md §3), with their line breaks and the
 * 4-space indentation of continuation lines. {@code docs} is the guide link's domain, which
 * moved from immich.app/docs to docs.immich.app in v2.0.1 (PR #22428).
 */
public final class ImmichMessages {
    private ImmichMessages() {
    }

    /** {@code vector} → pgvector, {@code vectors} → pgvecto.rs, {@code vchord} → VectorChord. */
    public static String displayName(String extension) {
        return switch (extension) {
            case "vector" -> "pgvector";
            case "vectors" -> "pgvecto.rs";
            case "vchord" -> "VectorChord";
            default -> extension;
        };
    }

    /** SQL name for a {@code DB_VECTOR_EXTENSION} value; empty for values Immich rejects. */
    public static Optional<String> extensionForSetting(String setting) {
        if (setting == null) {
            return Optional.empty();
        }
        return switch (setting.strip()) {
            case "pgvector" -> Optional.of("vector");
            case "pgvecto.rs" -> Optional.of("vectors");
            case "vectorchord" -> Optional.of("vchord");
            default -> Optional.empty();
        };
    }

    static String queriesGuide(String immichVersion) {
        boolean newDomain = SemVer.coerce(immichVersion).map(v -> v.compareTo(new SemVer(2, 0, 1)) >= 0).orElse(true);
        return newDomain ? "https://docs.immich.app/guides/database-queries"
                : "https://immich.app/docs/guides/database-queries";
    }

    public static String invalidPostgres(String found, String range) {
        return "Invalid PostgreSQL version. Found " + found + ", but needed " + range + ". Please use a supported version.";
    }

    public static String noVectorExtension(ImmichRelease release) {
        return "Error: No vector extension found. Available extensions: " + String.join(", ", release.extensionPreference());
    }

    public static String notInstalled(String ext) {
        String name = displayName(ext);
        return "The " + name + " extension is not available in this Postgres instance.\n"
                + "    If using a container image, ensure the image has the extension installed.";
    }

    public static String nightly(String ext, String immichVersion) {
        String name = displayName(ext);
        return "\n    The " + name + " extension version is 0.0.0, which means it is a nightly release.\n\n"
                + "    Please run 'DROP EXTENSION IF EXISTS " + ext + "' and switch to a release version.\n"
                + "    See " + queriesGuide(immichVersion) + " for how to query the database.";
    }

    public static String outOfRange(String ext, String version, VersionRange range) {
        String name = displayName(ext);
        return "The " + name + " extension version is " + version + ", but Immich only supports " + range.text() + ".\n"
                + "    Please change " + name + " to a compatible version in the Postgres instance.";
    }

    public static String createFailed(String ext, String immichVersion) {
        String name = displayName(ext);
        return "Failed to activate " + name + " extension.\n"
                + "    Please ensure the Postgres instance has " + name + " installed.\n\n"
                + "    If the Postgres instance already has " + name + " installed, Immich may not have the necessary permissions to activate it.\n"
                + "    In this case, please run 'CREATE EXTENSION IF NOT EXISTS " + ext + " CASCADE' manually as a superuser.\n"
                + "    See " + queriesGuide(immichVersion) + " for how to query the database.";
    }

    public static String updateFailed(String ext, String availableVersion, String immichVersion) {
        String name = displayName(ext);
        return "The " + name + " extension can be updated to " + availableVersion + ".\n"
                + "    Immich attempted to update the extension, but failed to do so.\n"
                + "    This may be because Immich does not have the necessary permissions to update the extension.\n\n"
                + "    Please run 'ALTER EXTENSION " + ext + " UPDATE' manually as a superuser.\n"
                + "    See " + queriesGuide(immichVersion) + " for how to query the database.";
    }

    public static String dropFailed(String ext, String immichVersion) {
        String name = displayName(ext);
        return "The " + name + " extension is no longer needed, but could not be dropped.\n"
                + "    This may be because Immich does not have the necessary permissions to drop the extension.\n\n"
                + "    Please run 'DROP EXTENSION " + ext + ";' manually as a superuser.\n"
                + "    See " + queriesGuide(immichVersion) + " for how to query the database.";
    }

    public static String invalidDowngrade(String ext, String installed, String available) {
        String name = displayName(ext);
        return "The database currently has " + name + " " + installed + " activated, but the Postgres instance only has "
                + available + " available.\n"
                + "    This most likely means the extension was downgraded.\n"
                + "    If " + name + " " + installed + " is compatible with Immich, please ensure the Postgres instance has this available.";
    }

    public static String deprecated(String immichVersion) {
        boolean newDomain = SemVer.coerce(immichVersion).map(v -> v.compareTo(new SemVer(2, 0, 1)) >= 0).orElse(true);
        String base = newDomain ? "https://docs.immich.app/" : "https://immich.app/docs/";
        return "DEPRECATION WARNING: The pgvecto.rs extension is deprecated and support for it will be removed very soon.\n"
                + "     See " + base + "install/upgrading#migrating-to-vectorchord in order to switch to the VectorChord extension instead.";
    }

    /** VectorChord's own error at CREATE EXTENSION when vchord.so is not preloaded. */
    public static final String VCHORD_NOT_PRELOADED = "vchord must be loaded via shared_preload_libraries.";
}
