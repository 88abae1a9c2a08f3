package dbmedic.core.offline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Immich compose folders as the releases shipped them (immich.md §9; docker/docker-compose.yml
 * at the release tags), built by the tests. Only the database service differs between
 * releases for what DB Medic checks.
 */
final class ImmichComposeFiles {

    private ImmichComposeFiles() {
    }

    static final String HEAD = """
            name: immich

            services:
              immich-server:
                container_name: immich_server
                image: ghcr.io/immich-app/immich-server:${IMMICH_VERSION:-release}
                volumes:
                  - ${UPLOAD_LOCATION}:/usr/src/app/upload
                  - /etc/localtime:/etc/localtime:ro
                env_file:
                  - .env
                ports:
                  - '2283:2283'
                depends_on:
                  - redis
                  - database
                restart: always
                healthcheck:
                  disable: false

              immich-machine-learning:
                container_name: immich_machine_learning
                image: ghcr.io/immich-app/immich-machine-learning:${IMMICH_VERSION:-release}
                volumes:
                  - model-cache:/cache
                env_file:
                  - .env
                restart: always
                healthcheck:
                  disable: false

              redis:
                container_name: immich_redis
                image: docker.io/valkey/valkey:8-bookworm@sha256:a137a2b60aca1a75130022d6bb96af423fefae4eb55faf395732db3544803280
                healthcheck:
                  test: redis-cli ping || exit 1
                restart: always

            """;

    static final String TAIL = """

            volumes:
              model-cache:
            """;

    /** v1.132.3: pgvecto.rs image with its command and checksum healthcheck. */
    static final String DB_V1_132_3 = """
              database:
                container_name: immich_postgres
                image: docker.io/tensorchord/pgvecto-rs:pg14-v0.2.0@sha256:739cdd626151ff1f796dc95a6591b55a714f341c737e27f045019ceabf8e8c52
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD}
                  POSTGRES_USER: ${DB_USERNAME}
                  POSTGRES_DB: ${DB_DATABASE_NAME}
                  POSTGRES_INITDB_ARGS: '--data-checksums'
                volumes:
                  - ${DB_DATA_LOCATION}:/var/lib/postgresql/data
                healthcheck:
                  test: >-
                    pg_isready --dbname="$${POSTGRES_DB}" --username="$${POSTGRES_USER}" || exit 1;
                    Chksum="$$(psql --dbname="$${POSTGRES_DB}" --username="$${POSTGRES_USER}" --tuples-only --no-align
                    --command='SELECT COALESCE(SUM(checksum_failures), 0) FROM pg_stat_database')";
                    echo "checksum failure count is $$Chksum";
                    [ "$$Chksum" = '0' ] || exit 1
                  interval: 5m
                  start_interval: 30s
                  start_period: 5m
                command: >-
                  postgres
                  -c shared_preload_libraries=vectors.so
                  -c 'search_path="$$user", public, vectors'
                  -c logging_collector=on
                  -c max_wal_size=2GB
                  -c shared_buffers=512MB
                  -c wal_compression=on
                restart: always
            """;

    /** v1.133.0: VectorChord image, no command, no shm_size yet. */
    static final String DB_V1_133_0 = """
              database:
                container_name: immich_postgres
                image: ghcr.io/immich-app/postgres:14-vectorchord0.3.0-pgvectors0.2.0
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD}
                  POSTGRES_USER: ${DB_USERNAME}
                  POSTGRES_DB: ${DB_DATABASE_NAME}
                  POSTGRES_INITDB_ARGS: '--data-checksums'
                  # DB_STORAGE_TYPE: 'HDD'
                volumes:
                  - ${DB_DATA_LOCATION}:/var/lib/postgresql/data
                restart: always
            """;

    /** v1.137.0 (unchanged to v3.1.0): VectorChord 0.4.3 pinned by digest, shm_size. */
    static final String DB_V1_137_0 = """
              database:
                container_name: immich_postgres
                image: ghcr.io/immich-app/postgres:14-vectorchord0.4.3-pgvectors0.2.0@sha256:32324a2f41df5de9efe1af166b7008c3f55646f8d0e00d9550c16c9822366b4a
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD}
                  POSTGRES_USER: ${DB_USERNAME}
                  POSTGRES_DB: ${DB_DATABASE_NAME}
                  POSTGRES_INITDB_ARGS: '--data-checksums'
                volumes:
                  - ${DB_DATA_LOCATION}:/var/lib/postgresql/data
                shm_size: 128mb
                restart: always
            """;

    /** The upgrade mistake of immich#18432: new image, old command. */
    static final String DB_NEW_IMAGE_OLD_COMMAND = """
              database:
                container_name: immich_postgres
                image: ghcr.io/immich-app/postgres:14-vectorchord0.3.0-pgvectors0.2.0
                environment:
                  POSTGRES_PASSWORD: ${DB_PASSWORD}
                  POSTGRES_USER: ${DB_USERNAME}
                  POSTGRES_DB: ${DB_DATABASE_NAME}
                volumes:
                  - ${DB_DATA_LOCATION}:/var/lib/postgresql/data
                shm_size: 128mb
                healthcheck:
                  test: pg_isready --dbname="$${POSTGRES_DB}" --username="$${POSTGRES_USER}" || exit 1
                command: postgres -c shared_preload_libraries=vectors.so -c 'search_path="$$user", public, vectors'
                restart: always
            """;

    static String env(String immichVersion) {
        return """
                # You can find documentation for all the supported env variables at https://immich.app/docs/install/environment-variables

                # The location where your uploaded files are stored
                UPLOAD_LOCATION=./library
                # The location where your database files are stored
                DB_DATA_LOCATION=./postgres

                # TZ=Etc/UTC

                # The Immich version to use. You can pin this to a specific version like "v1.71.0"
                IMMICH_VERSION=%s

                # Connection secret for postgres. You should change it to a random password
                DB_PASSWORD=Pw-9f3kQz7Lm

                # The values below this line do not need to be changed
                ###################################################################################
                DB_USERNAME=postgres
                DB_DATABASE_NAME=immich
                """.formatted(immichVersion);
    }

    static final String PASSWORD = "Pw-9f3kQz7Lm";

    /** Writes docker-compose.yml (HEAD + database + TAIL) and .env into a new folder under {@code root}. */
    static Path folder(Path root, String name, String database, String env) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("docker-compose.yml"), HEAD + database + TAIL);
        if (env != null) {
            Files.writeString(dir.resolve(".env"), env);
        }
        return dir;
    }
}
