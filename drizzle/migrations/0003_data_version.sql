CREATE TABLE "app"."data_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "data_version_single_row" CHECK ("app"."data_version"."id")
);
--> statement-breakpoint
INSERT INTO "app"."data_version" ("id", "version") VALUES (true, 0);
--> statement-breakpoint
-- Hand-written below (drizzle-kit does not model functions or triggers): every write to what the
-- dashboard's cached reads show raises the counter in the writer's own transaction.
CREATE FUNCTION "app"."bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE "app"."data_version" SET "version" = "version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "companies_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."companies" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "projects_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."projects" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "project_milestones_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."project_milestones" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "project_deliverables_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."project_deliverables" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "automations_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."automations" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "automation_runs_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."automation_runs" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
-- Users: only what the cached reads show of them (names, as actors and owners) or lose with them.
CREATE TRIGGER "users_data_version" AFTER UPDATE OF "name" OR DELETE OR TRUNCATE ON "app"."users" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
-- The audit log: only entries about automations (pause, resume) reach the overview; sign-ins do not.
CREATE TRIGGER "audit_log_data_version" AFTER INSERT ON "app"."audit_log" FOR EACH ROW WHEN (NEW."target_type" = 'automation') EXECUTE FUNCTION "app"."bump_data_version"();
