-- DB Medic test stand-in for pgvector @VERSION@: the catalog shape only (type, typmod, casts,
-- access methods, operator classes), no vector math. Everything is built from functions that
-- already exist inside PostgreSQL (LANGUAGE internal), so no library is needed.
\echo Use "CREATE EXTENSION vector" to load this file. \quit

CREATE TYPE vector;
-- A vector is stored like a real[]: the array I/O functions give the text form {1,2,3}.
-- (raw_array_subscript_handler only because PostgreSQL wants one next to ELEMENT.)
CREATE FUNCTION vector_in(cstring, oid, integer) RETURNS vector
    AS 'array_in' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_out(vector) RETURNS cstring
    AS 'array_out' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_recv(internal, oid, integer) RETURNS vector
    AS 'array_recv' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_send(vector) RETURNS bytea
    AS 'array_send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
-- bit(N)'s typmod functions: vector(N) stores N in atttypmod and prints as vector(N).
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
-- (A relocatable extension gets no @extschema@, so the body uses the schema it was created in.)
CREATE FUNCTION array_to_vector(real[]) RETURNS vector
    AS 'SELECT $1::text::vector' LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT;
CREATE CAST (vector AS real[]) WITH FUNCTION vector_to_float4(vector) AS ASSIGNMENT;
CREATE CAST (real[] AS vector) WITH FUNCTION array_to_vector(real[]) AS ASSIGNMENT;

-- vector(N) holds exactly N values, with pgvector's message (its typmod check, as a length cast).
CREATE FUNCTION vector(vector, integer, boolean) RETURNS vector LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $body$
BEGIN
    IF $2 > 0 AND coalesce(array_length($1::real[], 1), 0) <> $2 THEN
        RAISE EXCEPTION USING ERRCODE = 'data_exception',
            MESSAGE = format('expected %s dimensions, not %s', $2, coalesce(array_length($1::real[], 1), 0));
    END IF;
    RETURN $1;
END
$body$;
CREATE CAST (vector AS vector) WITH FUNCTION vector(vector, integer, boolean) AS IMPLICIT;

CREATE FUNCTION vector_eq(vector, vector) RETURNS boolean
    AS 'array_eq' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION vector_hash(vector) RETURNS integer
    AS 'hash_array' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE OPERATOR = (LEFTARG = vector, RIGHTARG = vector, FUNCTION = vector_eq, COMMUTATOR = =);

-- Index access methods named like pgvector's; a hash index underneath keeps builds cheap and
-- has no size limit per row.
CREATE ACCESS METHOD hnsw TYPE INDEX HANDLER hashhandler;
CREATE ACCESS METHOD ivfflat TYPE INDEX HANDLER hashhandler;
CREATE OPERATOR CLASS vector_l2_ops FOR TYPE vector USING hnsw AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_ip_ops FOR TYPE vector USING hnsw AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_cosine_ops FOR TYPE vector USING hnsw AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_l2_ops FOR TYPE vector USING ivfflat AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_ip_ops FOR TYPE vector USING ivfflat AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
CREATE OPERATOR CLASS vector_cosine_ops FOR TYPE vector USING ivfflat AS
    OPERATOR 1 = (vector, vector), FUNCTION 1 vector_hash(vector);
