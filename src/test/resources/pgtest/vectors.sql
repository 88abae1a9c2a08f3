-- DB Medic test stand-in for pgvecto.rs @VERSION@: the catalog shape only (schema vectors,
-- type vectors.vector(N), access method vectors and its operator classes), no vector math and
-- no background worker.
\echo Use "CREATE EXTENSION vectors" to load this file. \quit

CREATE TYPE vector;
CREATE FUNCTION vector_in(cstring, oid, integer) RETURNS vector
    AS 'array_in' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_out(vector) RETURNS cstring
    AS 'array_out' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_recv(internal, oid, integer) RETURNS vector
    AS 'array_recv' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_send(vector) RETURNS bytea
    AS 'array_send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_typmod_in(cstring[]) RETURNS integer
    AS 'bittypmodin' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_typmod_out(integer) RETURNS cstring
    AS 'bittypmodout' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE vector (
    INPUT = vector_in, OUTPUT = vector_out, RECEIVE = vector_recv, SEND = vector_send,
    TYPMOD_IN = vector_typmod_in, TYPMOD_OUT = vector_typmod_out,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = int4, STORAGE = external, ELEMENT = real,
    SUBSCRIPT = raw_array_subscript_handler);

-- Casts to and from real[] (what Immich's reindex and the manual migration go through). PostgreSQL
-- allows no binary-coercible cast with an array type, so they go through the text form.
CREATE FUNCTION vector_to_float4(vector) RETURNS real[]
    AS 'SELECT $1::text::real[]' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION array_to_vector(real[]) RETURNS vector
    AS 'SELECT $1::text::@extschema@.vector' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE;
CREATE CAST (vector AS real[]) WITH FUNCTION vector_to_float4(vector) AS ASSIGNMENT;
CREATE CAST (real[] AS vector) WITH FUNCTION array_to_vector(real[]) AS ASSIGNMENT;

CREATE FUNCTION vector_eq(vector, vector) RETURNS boolean
    AS 'array_eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_hash(vector) RETURNS integer
    AS 'hash_array' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR = (LEFTARG = vector, RIGHTARG = vector, FUNCTION = vector_eq, COMMUTATOR = =);

CREATE ACCESS METHOD vectors TYPE INDEX HANDLER hashhandler;
CREATE OPERATOR CLASS vector_l2_ops FOR TYPE vector USING vectors AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_dot_ops FOR TYPE vector USING vectors AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_cos_ops FOR TYPE vector USING vectors AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);

-- Immich runs it after updating pgvecto.rs; the stand-in has nothing to upgrade.
CREATE FUNCTION pgvectors_upgrade() RETURNS void LANGUAGE plpgsql AS $body$ BEGIN END $body$;

-- Named like pgvecto.rs's index statistics view, which Immich reads (and which needs a GRANT).
CREATE VIEW pg_vector_index_stat AS
    SELECT c.oid AS indexrelid, c.relname AS indexname, 'NORMAL'::text AS idx_status
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_am a ON a.oid = c.relam
    WHERE a.amname = 'vectors';
