-- The seat decision of a registration, in one round trip (db/repositories/registrations.ts).
-- It first locks the event row (the lock order everywhere: event, then registration); PL/pgSQL
-- then runs the INSERT on a fresh snapshot taken after the lock was granted (READ COMMITTED), so
-- it counts every seat committed by the earlier holders. The lock is held for this one call and
-- its commit, never across a round trip to the bot. It writes nothing when the event does not
-- take registrations at p_at, the slot is not one of the event's (or the event has slots and none
-- was given), or the worker already holds a live registration. A cancelled/declined/expired
-- registration of the same worker comes back to life with its code. waitlist_position counts the
-- waitlisted ahead on the same snapshot (0 for a seat).
CREATE FUNCTION "register_seat"(
	p_event_id integer, p_slot_id integer, p_user_id bigint, p_code text,
	p_name text, p_phone text, p_occupation text, p_platform text, p_answers text[],
	p_consent_at timestamp with time zone, p_sensitive_consent_at timestamp with time zone, p_at timestamp with time zone
) RETURNS TABLE ("registration" "registrations", "waitlist_position" integer)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
	PERFORM 1 FROM "events" WHERE "id" = p_event_id FOR UPDATE;
	RETURN QUERY
	WITH "written" AS (
		INSERT INTO "registrations" AS "r" (
			"event_id", "slot_id", "user_id", "status", "code", "name", "phone", "occupation", "platform", "answers",
			"consent_at", "sensitive_consent_at", "created_at", "updated_at", "confirmed_at", "waitlisted_at"
		)
		SELECT "d"."event_id", "d"."slot_id", p_user_id, "d"."status", p_code, p_name, p_phone, p_occupation, p_platform, p_answers,
			p_consent_at, p_sensitive_consent_at, p_at, p_at,
			CASE WHEN "d"."status" = 'confirmed' THEN p_at END, CASE WHEN "d"."status" = 'waitlisted' THEN p_at END
		FROM (
			SELECT "e"."id" AS "event_id", "s"."id" AS "slot_id",
				(CASE WHEN (
					SELECT count(*) FROM "registrations" "held"
					WHERE "held"."event_id" = "e"."id" AND ("s"."id" IS NULL OR "held"."slot_id" = "s"."id")
						AND "held"."status" IN ('confirmed', 'offered')
				) < coalesce("s"."capacity", "e"."capacity") THEN 'confirmed' ELSE 'waitlisted' END)::"registration_status" AS "status"
			FROM "events" "e"
			LEFT JOIN "event_slots" "s" ON "s"."id" = p_slot_id AND "s"."event_id" = "e"."id"
			WHERE "e"."id" = p_event_id
				AND "e"."status" = 'published' AND NOT "e"."registration_closed"
				AND ("e"."registration_opens_at" IS NULL OR "e"."registration_opens_at" <= p_at)
				AND p_at < "e"."registration_closes_at"
				AND CASE WHEN p_slot_id IS NULL THEN NOT EXISTS (SELECT 1 FROM "event_slots" "any_slot" WHERE "any_slot"."event_id" = "e"."id")
					ELSE "s"."id" IS NOT NULL END
				AND NOT EXISTS (
					SELECT 1 FROM "registrations" "mine"
					WHERE "mine"."event_id" = "e"."id" AND "mine"."user_id" = p_user_id AND "mine"."status" IN ('confirmed', 'offered', 'waitlisted')
				)
		) "d"
		ON CONFLICT ("event_id", "user_id") DO UPDATE SET
			"slot_id" = excluded."slot_id", "status" = excluded."status", "name" = excluded."name", "phone" = excluded."phone",
			"occupation" = excluded."occupation", "platform" = excluded."platform", "answers" = excluded."answers",
			"consent_at" = excluded."consent_at", "sensitive_consent_at" = excluded."sensitive_consent_at",
			"updated_at" = excluded."updated_at", "confirmed_at" = excluded."confirmed_at", "waitlisted_at" = excluded."waitlisted_at",
			"offer_expires_at" = NULL, "cancelled_at" = NULL, "checked_in_at" = NULL, "checked_in_by" = NULL
		RETURNING "r".*
	)
	SELECT "w"::"registrations",
		CASE WHEN "w"."status" = 'waitlisted' THEN 1 + (
			SELECT count(*) FROM "registrations" "ahead"
			WHERE "ahead"."event_id" = "w"."event_id" AND ("w"."slot_id" IS NULL OR "ahead"."slot_id" = "w"."slot_id")
				AND "ahead"."status" = 'waitlisted' AND ("ahead"."waitlisted_at", "ahead"."id") < ("w"."waitlisted_at", "w"."id")
		)::integer ELSE 0 END
	FROM "written" "w";
END
$$;
