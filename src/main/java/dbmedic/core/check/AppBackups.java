package dbmedic.core.check;

/** Where an app keeps its own automatic backups, for fix texts that say "restore a backup". */
final class AppBackups {
    private AppBackups() {
    }

    /** " (InvokeAI keeps ...)" or "" when the app makes none (GPUStack) or is unknown. */
    static String hint(String appId) {
        if ("invokeai".equals(appId)) {
            return " (InvokeAI keeps invokeai_backup_<date>.db next to invokeai.db, made before each upgrade)";
        }
        return "";
    }
}
