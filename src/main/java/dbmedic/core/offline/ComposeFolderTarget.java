package dbmedic.core.offline;

import dbmedic.core.target.Target;
import java.nio.file.Path;

/**
 * A Docker Compose folder (e.g. Immich's): {@code composeFile} is the compose file found in
 * {@code folder}; {@code .env} next to it is read when present. Only ever read.
 */
public record ComposeFolderTarget(Path folder, Path composeFile) implements Target {

    public Path envFile() {
        return folder.resolve(".env");
    }

    @Override
    public String displayName() {
        return composeFile.toString();
    }

    @Override
    public String engine() {
        return "postgresql";
    }
}
