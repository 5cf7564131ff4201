ALTER TABLE "app"."leads" ADD COLUMN "source_page" text;--> statement-breakpoint
ALTER TABLE "app"."leads" ADD COLUMN "service" text;--> statement-breakpoint
ALTER TABLE "app"."leads" ADD COLUMN "company_id" uuid;--> statement-breakpoint
ALTER TABLE "app"."leads" ADD COLUMN "converted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "app"."leads" ADD CONSTRAINT "leads_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "app"."companies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deliverable_versions_approved_at_idx" ON "app"."deliverable_versions" USING btree ("reviewed_at") WHERE "app"."deliverable_versions"."review_state" = 'approved';--> statement-breakpoint
CREATE INDEX "leads_company_id_idx" ON "app"."leads" USING btree ("company_id");--> statement-breakpoint
CREATE INDEX "leads_converted_at_idx" ON "app"."leads" USING btree ("converted_at") WHERE "app"."leads"."converted_at" is not null;--> statement-breakpoint
ALTER TABLE "app"."leads" ADD CONSTRAINT "leads_source_page_path" CHECK ("app"."leads"."source_page" is null or "app"."leads"."source_page" ~ '^/');