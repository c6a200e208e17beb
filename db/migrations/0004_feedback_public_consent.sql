CREATE TYPE "public"."feedback_consent" AS ENUM('asked', 'granted', 'refused');--> statement-breakpoint
ALTER TABLE "feedback_tickets" ADD COLUMN "public_consent" "feedback_consent";