package dbmedic.ui;

/** Display names of the app ids the engine uses. */
public final class AppNames {
    private AppNames() {
    }

    public static String name(String id) {
        if (id == null) {
            return "Unknown app";
        }
        return switch (id) {
            case "invokeai" -> "InvokeAI";
            case "gpustack" -> "GPUStack";
            case "immich" -> "Immich";
            default -> id;
        };
    }
}
