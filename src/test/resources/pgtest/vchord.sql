-- DB Medic test stand-in for VectorChord @VERSION@: the catalog shape only (access method
-- vchordrq with operator classes over pgvector's vector type), no vector math.
\echo Use "CREATE EXTENSION vchord" to load this file. \quit

-- The real library refuses to load unless it was preloaded; the stand-in checks the setting
-- with the same message.
DO $check$
BEGIN
    IF NOT EXISTS (
        SELECT 1
        FROM unnest(string_to_array(current_setting('shared_preload_libraries'), ',')) AS l(entry)
        WHERE regexp_replace(regexp_replace(btrim(l.entry, ' "'), '^\$libdir/', ''), '\.so$', '') = 'vchord')
    THEN
        RAISE EXCEPTION 'vchord must be loaded via shared_preload_libraries.';
    END IF;
END
$check$;

CREATE ACCESS METHOD vchordrq TYPE INDEX HANDLER hashhandler;
CREATE OPERATOR CLASS vector_l2_ops FOR TYPE vector USING vchordrq AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_ip_ops FOR TYPE vector USING vchordrq AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_cosine_ops FOR TYPE vector USING vchordrq AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);

-- Immich calls it after start-up; the stand-in has nothing to load into memory.
CREATE FUNCTION vchordrq_prewarm(regclass, integer DEFAULT 0) RETURNS text
    LANGUAGE sql STABLE AS $body$ SELECT 'stand-in: nothing to prewarm'::text $body$;
