CREATE TYPE "public"."user_role" AS ENUM('worker', 'organizer', 'admin');--> statement-breakpoint
CREATE TABLE "users" (
	"id" bigint PRIMARY KEY NOT NULL,
	"language_code" text,
	"locale" text,
	"role" "user_role" DEFAULT 'worker' NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"blocked_at" timestamp with time zone,
	"last_lat" double precision,
	"last_lng" double precision,
	"last_located_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" serial PRIMARY KEY NOT NULL,
	"external_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"district" text DEFAULT '' NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"amenities" text[] DEFAULT '{}'::text[] NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_verified" date,
	"search_text" text GENERATED ALWAYS AS ("stations"."name" || ' ' || "stations"."city" || ' ' || "stations"."district" || ' ' || "stations"."address") STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stations_externalId_unique" UNIQUE("external_id")
);
--> statement-breakpoint
CREATE INDEX "stations_earth_gist" ON "stations" USING gist (public.station_earth("lat", "lng"));--> statement-breakpoint
CREATE INDEX "stations_search_trgm" ON "stations" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "stations_amenities_gin" ON "stations" USING gin ("amenities");