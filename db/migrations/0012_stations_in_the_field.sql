CREATE TYPE "public"."station_change_source" AS ENUM('organizer', 'merchant', 'import', 'report', 'suggestion', 'system');--> statement-breakpoint
CREATE TYPE "public"."station_report_kind" AS ENUM('closed', 'no_hot_water', 'charging_broken', 'toilet_broken', 'wrong_location', 'wrong_hours', 'gone', 'other', 'all_good');--> statement-breakpoint
CREATE TYPE "public"."station_report_status" AS ENUM('open', 'confirmed', 'dismissed');--> statement-breakpoint
ALTER TYPE "public"."feedback_category" ADD VALUE 'station_report';--> statement-breakpoint
ALTER TYPE "public"."feedback_category" ADD VALUE 'station_suggestion';--> statement-breakpoint
CREATE TABLE "station_amenity_outages" (
	"station_id" integer NOT NULL,
	"amenity" text NOT NULL,
	"until" timestamp with time zone,
	"reason" text DEFAULT '' NOT NULL,
	"set_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_amenity_outages_station_id_amenity_pk" PRIMARY KEY("station_id","amenity")
);
--> statement-breakpoint
CREATE TABLE "station_changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"station_id" integer NOT NULL,
	"actor_id" bigint,
	"source" "station_change_source" NOT NULL,
	"fields" jsonb NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_hours_exceptions" (
	"id" serial PRIMARY KEY NOT NULL,
	"station_id" integer NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"opening_hours" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"station_id" integer NOT NULL,
	"user_id" bigint NOT NULL,
	"kind" "station_report_kind" NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"file_id" text,
	"file_kind" text,
	"ticket_id" integer,
	"status" "station_report_status" DEFAULT 'open' NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by" bigint
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "closed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "closed_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "photo_file_id" text;--> statement-breakpoint
ALTER TABLE "station_amenity_outages" ADD CONSTRAINT "station_amenity_outages_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_changes" ADD CONSTRAINT "station_changes_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_hours_exceptions" ADD CONSTRAINT "station_hours_exceptions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_reports" ADD CONSTRAINT "station_reports_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_reports" ADD CONSTRAINT "station_reports_ticket_id_feedback_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."feedback_tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "station_changes_station" ON "station_changes" USING btree ("station_id","created_at");--> statement-breakpoint
CREATE INDEX "station_hours_exceptions_station" ON "station_hours_exceptions" USING btree ("station_id","ends_on");--> statement-breakpoint
CREATE INDEX "station_reports_station" ON "station_reports" USING btree ("station_id","created_at");--> statement-breakpoint
CREATE INDEX "station_reports_user" ON "station_reports" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "station_reports_ticket" ON "station_reports" USING btree ("ticket_id");