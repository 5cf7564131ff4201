ALTER TABLE "app"."outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "app"."outbox" ADD COLUMN "dead_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "app"."outbox" USING btree ("next_attempt_at") WHERE "app"."outbox"."sent_at" is null and "app"."outbox"."dead_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_sent_at_idx" ON "app"."outbox" USING btree ("sent_at") WHERE "app"."outbox"."sent_at" is not null;