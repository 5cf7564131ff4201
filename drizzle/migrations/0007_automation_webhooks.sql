ALTER TABLE "app"."automation_runs" ADD COLUMN "engine_run_id" text;--> statement-breakpoint
ALTER TABLE "app"."automations" ADD COLUMN "webhook_key_id" text;--> statement-breakpoint
ALTER TABLE "app"."automations" ADD COLUMN "webhook_key_created_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "automation_runs_automation_id_engine_run_id_key" ON "app"."automation_runs" USING btree ("automation_id","engine_run_id");--> statement-breakpoint
CREATE UNIQUE INDEX "automations_webhook_key_id_key" ON "app"."automations" USING btree ("webhook_key_id");