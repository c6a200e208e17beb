CREATE TYPE "public"."feedback_author" AS ENUM('worker', 'organizer', 'note', 'system');--> statement-breakpoint
CREATE TYPE "public"."feedback_category" AS ENUM('need', 'suggestion', 'complaint', 'praise', 'other');--> statement-breakpoint
CREATE TYPE "public"."feedback_message_kind" AS ENUM('text', 'photo', 'voice');--> statement-breakpoint
CREATE TYPE "public"."feedback_rating" AS ENUM('satisfied', 'unsatisfied');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('new', 'in_progress', 'answered', 'closed');--> statement-breakpoint
CREATE TABLE "feedback_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"ticket_id" integer NOT NULL,
	"author" "feedback_author" NOT NULL,
	"author_id" bigint,
	"kind" "feedback_message_kind" DEFAULT 'text' NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"file_id" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_tickets" (
	"id" serial PRIMARY KEY NOT NULL,
	"number" text NOT NULL,
	"user_id" bigint NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"station_id" integer,
	"event_id" integer,
	"city" text DEFAULT '' NOT NULL,
	"category" "feedback_category" NOT NULL,
	"status" "feedback_status" DEFAULT 'new' NOT NULL,
	"assignee_id" bigint,
	"public" boolean DEFAULT false NOT NULL,
	"first_answered_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"rating" "feedback_rating",
	"escalated_at" timestamp with time zone,
	"due_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_tickets_number_unique" UNIQUE("number")
);
--> statement-breakpoint
ALTER TABLE "feedback_messages" ADD CONSTRAINT "feedback_messages_ticket_id_feedback_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."feedback_tickets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tickets" ADD CONSTRAINT "feedback_tickets_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_tickets" ADD CONSTRAINT "feedback_tickets_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_messages_ticket" ON "feedback_messages" USING btree ("ticket_id","id");--> statement-breakpoint
CREATE INDEX "feedback_messages_author" ON "feedback_messages" USING btree ("author_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_tickets_user" ON "feedback_tickets" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "feedback_tickets_assignee" ON "feedback_tickets" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "feedback_tickets_status_due" ON "feedback_tickets" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "feedback_tickets_station_public" ON "feedback_tickets" USING btree ("station_id","public");