ALTER TABLE "outbox" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_sending" ON "outbox" USING btree ("claimed_by") WHERE status = 'sending';--> statement-breakpoint
-- Rows left 'sending' by the version before may have gone out: they count as started, so never sent again.
UPDATE "outbox" SET "started_at" = coalesce("claimed_at", now()) WHERE "status" = 'sending';
