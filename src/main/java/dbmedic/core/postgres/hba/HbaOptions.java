package dbmedic.core.postgres.hba;

/**
 * What the server build and postgresql.conf say that changes how pg_hba.conf loads.
 *
 * @param major        server major version (14-17 are modelled; 16+ rules apply above)
 * @param sslEnabled   {@code ssl = on}; when off, hostssl records load but never match
 * @param gssSupported server built with GSSAPI (the official images are); when not,
 *                     hostgssenc records load but never match
 */
public record HbaOptions(int major, boolean sslEnabled, boolean gssSupported) {

    /** The official Docker image's defaults: ssl off, GSSAPI built in. */
    public static HbaOptions docker(int major) {
        return new HbaOptions(major, false, true);
    }

    public HbaOptions withSsl(boolean on) {
        return new HbaOptions(major, on, gssSupported);
    }

    public HbaOptions withGss(boolean supported) {
        return new HbaOptions(major, sslEnabled, supported);
    }

    /** include, include_if_exists, include_dir and /regex values exist from 16. */
    public boolean hasIncludesAndRegex() {
        return major >= 16;
    }
}
