-- Typed-place search that an index can answer. pg_trgm cannot index a two-character Chinese word
-- (riders type 人民路, 成都, 高新), so the name and the whole search text are also indexed by
-- their distinct lower-cased character pairs: a station contains a typed word only if its pairs
-- contain the word's pairs, and ILIKE then checks the candidates. Schema-qualified throughout (as
-- station_earth in 0000) so that a restore with an empty search_path can rebuild the indexes.
CREATE OR REPLACE FUNCTION public.station_search_grams(value text)
  RETURNS text[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT COALESCE(pg_catalog.array_agg(DISTINCT pg_catalog.substr(v.s, i.i, 2)), '{}'::text[]) FROM (SELECT pg_catalog.lower(value) AS s) AS v, pg_catalog.generate_series(1, pg_catalog.length(v.s) - 1) AS i(i) $$;--> statement-breakpoint
DROP INDEX "stations_search_trgm";--> statement-breakpoint
CREATE INDEX "stations_name_grams" ON "stations" USING gin (public.station_search_grams("name"));--> statement-breakpoint
CREATE INDEX "stations_search_grams" ON "stations" USING gin (public.station_search_grams("search_text"));--> statement-breakpoint
CREATE INDEX "stations_name_trgm" ON "stations" USING gin (lower("name") gin_trgm_ops);