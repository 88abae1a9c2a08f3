package dbmedic.ui.immich;

import java.util.List;

/**
 * A guard that stops the migration: why, what to do, and the details (the open sessions, the
 * statements a superuser must run). {@code copyable} is text worth a Copy button, or null.
 */
public record RefusalView(String reason, String whatToDo, List<String> details, String copyable) {
    public RefusalView {
        details = List.copyOf(details);
    }
}
