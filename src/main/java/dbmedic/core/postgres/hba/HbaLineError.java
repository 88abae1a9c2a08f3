package dbmedic.core.postgres.hba;

/** A record the server refuses; the message is pg_hba_file_rules.error. */
final class HbaLineError extends Exception {

    HbaLineError(String message) {
        super(message);
    }
}
