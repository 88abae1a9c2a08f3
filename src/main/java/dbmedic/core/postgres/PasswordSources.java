package dbmedic.core.postgres;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the password comes from, in libpq's order: the URL, {@code PGPASSWORD}, the password
 * file; the interactive prompt is a last resort the connector uses only when the server asks
 * for a password ({@link #prompt}). Notes (such as a password file ignored because of its
 * permissions) are collected for the diagnosis; they never contain a password.
 */
final class PasswordSources {
    /** A password and where it came from ("the URL", "PGPASSWORD", "~/.pgpass", "the prompt"). */
    record Credential(char[] password, String origin) {
        void clear() {
            PostgresTarget.clear(password);
        }
    }

    private final List<String> notes = new ArrayList<>();

    List<String> notes() {
        return notes;
    }

    Optional<Credential> first(PostgresTarget target, PostgresOptions options) {
        Optional<char[]> fromUrl = target.urlPasswordCopy();
        if (fromUrl.isPresent()) {
            return Optional.of(new Credential(fromUrl.get(), "the URL"));
        }
        String env = options.environment().get("PGPASSWORD");
        if (env != null && !env.isEmpty()) {
            return Optional.of(new Credential(env.toCharArray(), "PGPASSWORD"));
        }
        PgPass.Lookup lookup = PgPass.lookup(PgPass.location(options.environment(), options.home()),
                target.host(), target.port(), target.database(), target.user());
        lookup.warning().ifPresent(notes::add);
        if (lookup.password().isPresent()) {
            return Optional.of(new Credential(lookup.password().get(), lookup.file().map(Object::toString).orElse("the password file")));
        }
        return Optional.empty();
    }

    Optional<Credential> prompt(PostgresTarget target, PostgresOptions options) {
        String question = "Password for user " + target.user() + " on " + target.host() + ":" + target.port() + "/"
                + target.database() + ": ";
        return options.passwordPrompt().ask(question).filter(p -> p.length > 0).map(p -> new Credential(p, "the prompt"));
    }
}
