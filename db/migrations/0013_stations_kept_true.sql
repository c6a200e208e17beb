CREATE TYPE "public"."station_suggestion_status" AS ENUM('pending', 'approved', 'declined');--> statement-breakpoint
CREATE TABLE "merchant_invites" (
	"code" text PRIMARY KEY NOT NULL,
	"station_id" integer NOT NULL,
	"created_by" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_by" bigint,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "search_cells" (
	"id" serial PRIMARY KEY NOT NULL,
	"row" integer NOT NULL,
	"col" integer NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"nearest_open_metres" double precision,
	"searched_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_merchants" (
	"user_id" bigint NOT NULL,
	"station_id" integer NOT NULL,
	"created_by" bigint,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "station_merchants_user_id_station_id_pk" PRIMARY KEY("user_id","station_id")
);
--> statement-breakpoint
CREATE TABLE "station_open_horizon" (
	"station_id" integer PRIMARY KEY NOT NULL,
	"computed_from" timestamp with time zone NOT NULL,
	"computed_until" timestamp with time zone NOT NULL,
	"computed_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_open_intervals" (
	"station_id" integer NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	CONSTRAINT "station_open_intervals_station_id_opens_at_pk" PRIMARY KEY("station_id","opens_at")
);
--> statement-breakpoint
CREATE TABLE "station_suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" bigint NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"amenities" text[] DEFAULT '{}' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"photo_file_id" text,
	"ticket_id" integer,
	"status" "station_suggestion_status" DEFAULT 'pending' NOT NULL,
	"decline_reason" text DEFAULT '' NOT NULL,
	"station_id" integer,
	"decided_by" bigint,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "merchant_invites" ADD CONSTRAINT "merchant_invites_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_merchants" ADD CONSTRAINT "station_merchants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_merchants" ADD CONSTRAINT "station_merchants_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_open_horizon" ADD CONSTRAINT "station_open_horizon_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_open_intervals" ADD CONSTRAINT "station_open_intervals_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_suggestions" ADD CONSTRAINT "station_suggestions_ticket_id_feedback_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."feedback_tickets"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "station_suggestions" ADD CONSTRAINT "station_suggestions_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "search_cells_searched" ON "search_cells" USING btree ("searched_at");--> statement-breakpoint
CREATE INDEX "search_cells_city" ON "search_cells" USING btree ("city","searched_at");--> statement-breakpoint
CREATE INDEX "station_merchants_station" ON "station_merchants" USING btree ("station_id");--> statement-breakpoint
CREATE INDEX "station_open_intervals_closes" ON "station_open_intervals" USING btree ("station_id","closes_at");--> statement-breakpoint
CREATE INDEX "station_suggestions_status" ON "station_suggestions" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "station_suggestions_user" ON "station_suggestions" USING btree ("user_id");