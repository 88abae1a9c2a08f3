package dbmedic.core.ssh;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the login tried, in order, for the one line the user reads when it fails
 * ("tried: ssh-agent (2 keys), key ~/.ssh/id_ed25519, password — all refused").
 */
final class AuthTrail {
    private final Map<String, String> steps = new LinkedHashMap<>();
    private boolean wrongPassphrase;
    private String wrongPassphraseKey;
    private String succeeded;

    synchronized void note(String method, String outcome) {
        steps.put(method, outcome);
    }

    synchronized void noteIfAbsent(String method, String outcome) {
        steps.putIfAbsent(method, outcome);
    }

    synchronized void wrongPassphrase(String key) {
        wrongPassphrase = true;
        wrongPassphraseKey = key;
        steps.put("key " + key, "wrong passphrase");
    }

    synchronized boolean hadWrongPassphrase() {
        return wrongPassphrase;
    }

    synchronized String wrongPassphraseKey() {
        return wrongPassphraseKey;
    }

    synchronized void succeeded(String method) {
        succeeded = method;
    }

    synchronized String succeededWith() {
        return succeeded;
    }

    synchronized String describe() {
        List<String> parts = new ArrayList<>();
        steps.forEach((method, outcome) -> parts.add(method + (outcome.isEmpty() ? "" : " (" + outcome + ")")));
        return parts.isEmpty() ? "nothing to try" : String.join(", ", parts);
    }
}
