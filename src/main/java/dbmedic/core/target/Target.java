package dbmedic.core.target;

/** Something DB Medic can diagnose: a SQLite file, a PostgreSQL server, an offline folder. */
public interface Target {
    /** What the user gave, for headers and reports. */
    String displayName();

    /** The engine: "sqlite" (later "postgresql"). */
    String engine();
}
