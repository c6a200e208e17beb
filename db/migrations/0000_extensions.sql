-- Extensions for nearest-station search (cube + earthdistance) and typed-place search (pg_trgm).
CREATE EXTENSION IF NOT EXISTS cube WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS earthdistance WITH SCHEMA public;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;--> statement-breakpoint
-- earthdistance 1.1's ll_to_earth() calls earth() and cube() without a schema, so pg_dump's restore
-- (which runs with an empty search_path) cannot rebuild an index on it. Indexes and queries use this
-- copy of its body with every name schema-qualified instead. No SET search_path clause (and not
-- STRICT, as earth() is not): either would stop the planner from inlining it, and it is evaluated
-- for every row a nearest-station query returns.
CREATE OR REPLACE FUNCTION public.station_earth(lat double precision, lng double precision)
  RETURNS public.earth
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT public.cube(public.cube(public.cube(public.earth() * pg_catalog.cos(pg_catalog.radians(lat)) * pg_catalog.cos(pg_catalog.radians(lng))), public.earth() * pg_catalog.cos(pg_catalog.radians(lat)) * pg_catalog.sin(pg_catalog.radians(lng))), public.earth() * pg_catalog.sin(pg_catalog.radians(lat)))::public.earth $$;
