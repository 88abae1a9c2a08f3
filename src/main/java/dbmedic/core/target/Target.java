package dbmedic.core.target;

/** Something DB Medic can diagnose. Later issues add PostgreSQL and offline folders. */
public sealed interface Target permits SqliteTarget {
    /** What the user gave, for headers and reports. */
    String displayName();

    /** The engine: "sqlite" (later "postgresql"). */
    String engine();
}
