-- Typed-place search that an index can answer: pg_trgm cannot index a two-character Chinese word
-- (riders type 人民路, 成都, 高新), so the name and the whole search text also keep their
-- lower-cased character pairs in stored columns with plain GIN indexes (see characterPairs in
-- db/schema/stations.ts); near misses use trigrams of the name.
DROP INDEX "stations_search_trgm";--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "name_grams" text[] GENERATED ALWAYS AS (regexp_split_to_array(regexp_replace(lower("stations"."name"), '(..)', '\1' || chr(1), 'g'), chr(1)) || regexp_split_to_array(regexp_replace(substr(lower("stations"."name"), 2), '(..)', '\1' || chr(1), 'g'), chr(1))) STORED;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "search_grams" text[] GENERATED ALWAYS AS (regexp_split_to_array(regexp_replace(lower("stations"."name" || ' ' || "stations"."city" || ' ' || "stations"."district" || ' ' || "stations"."address"), '(..)', '\1' || chr(1), 'g'), chr(1)) || regexp_split_to_array(regexp_replace(substr(lower("stations"."name" || ' ' || "stations"."city" || ' ' || "stations"."district" || ' ' || "stations"."address"), 2), '(..)', '\1' || chr(1), 'g'), chr(1))) STORED;--> statement-breakpoint
CREATE INDEX "stations_name_grams" ON "stations" USING gin ("name_grams") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "stations_search_grams" ON "stations" USING gin ("search_grams") WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "stations_name_trgm" ON "stations" USING gin ("name" gin_trgm_ops);