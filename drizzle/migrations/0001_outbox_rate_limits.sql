CREATE TABLE "app"."outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "app"."rate_limits" (
	"key" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rate_limits_pkey" PRIMARY KEY("key","window_start")
);
--> statement-breakpoint
CREATE INDEX "outbox_pending_created_at_idx" ON "app"."outbox" USING btree ("created_at") WHERE "app"."outbox"."sent_at" is null;--> statement-breakpoint
CREATE INDEX "outbox_kind_idx" ON "app"."outbox" USING btree ("kind");--> statement-breakpoint
CREATE INDEX "rate_limits_window_start_idx" ON "app"."rate_limits" USING btree ("window_start");