CREATE TABLE "broadcast_reply_hints" (
	"broadcast_id" integer NOT NULL,
	"user_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "broadcast_reply_hints_broadcast_id_user_id_pk" PRIMARY KEY("broadcast_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "ticket_id" integer;--> statement-breakpoint
ALTER TABLE "broadcast_reply_hints" ADD CONSTRAINT "broadcast_reply_hints_broadcast_id_broadcasts_id_fk" FOREIGN KEY ("broadcast_id") REFERENCES "public"."broadcasts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_sent_message" ON "outbox" USING btree ("user_id","telegram_message_id") WHERE telegram_message_id is not null;