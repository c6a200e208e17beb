-- Extensions for nearest-station search (cube + earthdistance) and typed-place search (pg_trgm).
CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;--> statement-breakpoint
-- earthdistance 1.1's ll_to_earth() calls earth() and cube() without a schema, so pg_dump's restore
-- (which runs with an empty search_path) cannot rebuild an index on it. Indexes and queries use this
-- wrapper instead: its own search_path makes it safe to evaluate from any session.
CREATE OR REPLACE FUNCTION public.station_earth(lat double precision, lng double precision)
  RETURNS public.earth
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  SET search_path = public, pg_temp
  AS $$ SELECT public.ll_to_earth(lat, lng) $$;
