package dbmedic.core.immich.migrate;

/**
 * One check of {@link MigrationVerification}.
 *
 * @param id       stable id ({@code column-type:smart_search}, {@code vchord-range}, {@code content:face_search}, ...)
 * @param passed   true when as planned
 * @param expected what the plan wanted, in words and numbers
 * @param actual   what the database shows
 */
public record VerificationCheck(String id, boolean passed, String expected, String actual) {
}
