package dbmedic.ui.immich;

import dbmedic.core.Medic;
import dbmedic.core.task.Progress;
import java.nio.file.Path;

/** {@link ImmichEngine} over the engine's migration, backup and verification. */
public final class CoreImmichEngine implements ImmichEngine {
    private CoreImmichEngine() {
    }

    public static ImmichEngineFactory factory(Medic medic) {
        return (spec, client, prompt) -> {
            throw new UnsupportedOperationException("The Immich migration is not available in this build yet.");
        };
    }

    @Override
    public BackupView backUp(Path parent, Progress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public BackupView openBackup(Path folder, Progress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public MigrationOffer offer(Progress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void apply(PlanView plan, int phase, Object backupEvidence, Progress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public VerificationView verify(BackupView backup, Progress progress) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
