CREATE TYPE "app"."comment_kind" AS ENUM('comment', 'approval', 'changes_requested');--> statement-breakpoint
CREATE TYPE "app"."review_state" AS ENUM('waiting', 'approved', 'changes_requested');--> statement-breakpoint
CREATE TYPE "app"."viewer_status" AS ENUM('none', 'queued', 'processing', 'ready', 'failed');--> statement-breakpoint
CREATE TYPE "app"."model_job_state" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "app"."notification_delivery" AS ENUM('immediate', 'digest', 'off');--> statement-breakpoint
CREATE TYPE "app"."notification_kind" AS ENUM('version_uploaded', 'version_approved', 'changes_requested', 'comment_added', 'automation_failed');--> statement-breakpoint
CREATE TABLE "app"."activity_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"company_id" uuid NOT NULL,
	"project_id" uuid,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"subject_id" uuid,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"client_visible" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "app"."deliverable_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"author_id" uuid,
	"kind" "app"."comment_kind" DEFAULT 'comment' NOT NULL,
	"body" text NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliverable_comments_decisions_visible" CHECK (not ("app"."deliverable_comments"."internal" and "app"."deliverable_comments"."kind" <> 'comment'))
);
--> statement-breakpoint
CREATE TABLE "app"."deliverable_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deliverable_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"file_name" text NOT NULL,
	"object_key" text NOT NULL,
	"content_type" text NOT NULL,
	"bytes" bigint NOT NULL,
	"sha256" text,
	"uploaded_by_id" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"review_state" "app"."review_state" DEFAULT 'waiting' NOT NULL,
	"reviewed_by_id" uuid,
	"reviewed_at" timestamp with time zone,
	"viewer_status" "app"."viewer_status" DEFAULT 'none' NOT NULL,
	"viewer_prefix" text,
	"viewer_error" text,
	CONSTRAINT "deliverable_versions_number_positive" CHECK ("app"."deliverable_versions"."number" >= 1),
	CONSTRAINT "deliverable_versions_bytes_non_negative" CHECK ("app"."deliverable_versions"."bytes" >= 0),
	CONSTRAINT "deliverable_versions_sha256_hex" CHECK ("app"."deliverable_versions"."sha256" is null or "app"."deliverable_versions"."sha256" ~ '^[0-9a-f]{64}$')
);
--> statement-breakpoint
CREATE TABLE "app"."model_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"version_id" uuid NOT NULL,
	"state" "app"."model_job_state" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "app"."notification_preferences" (
	"user_id" uuid NOT NULL,
	"kind" "app"."notification_kind" NOT NULL,
	"delivery" "app"."notification_delivery" NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_preferences_user_id_kind_pk" PRIMARY KEY("user_id","kind")
);
--> statement-breakpoint
CREATE TABLE "app"."notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "app"."notification_kind" NOT NULL,
	"company_id" uuid,
	"title" text NOT NULL,
	"link" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	"emailed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "app"."project_deliverables" RENAME COLUMN "delivered_at" TO "created_at";--> statement-breakpoint
DROP INDEX "app"."project_deliverables_project_id_idx";--> statement-breakpoint
ALTER TABLE "app"."project_deliverables" ADD COLUMN "created_by_id" uuid;--> statement-breakpoint
ALTER TABLE "app"."activity_events" ADD CONSTRAINT "activity_events_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "app"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."activity_events" ADD CONSTRAINT "activity_events_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "app"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."activity_events" ADD CONSTRAINT "activity_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "app"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."deliverable_comments" ADD CONSTRAINT "deliverable_comments_version_id_deliverable_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "app"."deliverable_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."deliverable_comments" ADD CONSTRAINT "deliverable_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "app"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."deliverable_versions" ADD CONSTRAINT "deliverable_versions_deliverable_id_project_deliverables_id_fk" FOREIGN KEY ("deliverable_id") REFERENCES "app"."project_deliverables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."deliverable_versions" ADD CONSTRAINT "deliverable_versions_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "app"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."deliverable_versions" ADD CONSTRAINT "deliverable_versions_reviewed_by_id_users_id_fk" FOREIGN KEY ("reviewed_by_id") REFERENCES "app"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."model_jobs" ADD CONSTRAINT "model_jobs_version_id_deliverable_versions_id_fk" FOREIGN KEY ("version_id") REFERENCES "app"."deliverable_versions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "app"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "app"."notifications" ADD CONSTRAINT "notifications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "app"."companies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activity_events_company_id_at_idx" ON "app"."activity_events" USING btree ("company_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "activity_events_project_id_at_idx" ON "app"."activity_events" USING btree ("project_id","at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "deliverable_comments_version_id_created_at_idx" ON "app"."deliverable_comments" USING btree ("version_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "deliverable_versions_deliverable_id_number_key" ON "app"."deliverable_versions" USING btree ("deliverable_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "deliverable_versions_object_key_key" ON "app"."deliverable_versions" USING btree ("object_key");--> statement-breakpoint
CREATE INDEX "deliverable_versions_uploaded_at_idx" ON "app"."deliverable_versions" USING btree ("uploaded_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "model_jobs_version_id_key" ON "app"."model_jobs" USING btree ("version_id");--> statement-breakpoint
CREATE INDEX "model_jobs_open_idx" ON "app"."model_jobs" USING btree ("created_at") WHERE "app"."model_jobs"."state" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "notifications_user_id_created_at_idx" ON "app"."notifications" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "app"."notifications" USING btree ("user_id") WHERE "app"."notifications"."read_at" is null;--> statement-breakpoint
CREATE INDEX "notifications_not_emailed_idx" ON "app"."notifications" USING btree ("created_at") WHERE "app"."notifications"."emailed_at" is null;--> statement-breakpoint
ALTER TABLE "app"."project_deliverables" ADD CONSTRAINT "project_deliverables_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "app"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_deliverables_project_id_idx" ON "app"."project_deliverables" USING btree ("project_id","created_at" DESC NULLS LAST);--> statement-breakpoint
-- Each file delivered before versions existed becomes its deliverable's version 1 (no checksum was
-- kept for it), named by its object key's last segment, as the download route named it.
INSERT INTO "app"."deliverable_versions" ("deliverable_id", "number", "file_name", "object_key", "content_type", "bytes", "uploaded_at")
SELECT "id", 1,
  CASE WHEN regexp_replace("object_key", '^.*/', '') LIKE '%.%' THEN regexp_replace("object_key", '^.*/', '') ELSE "title" END,
  "object_key", "content_type", "bytes", "created_at"
FROM "app"."project_deliverables";--> statement-breakpoint
ALTER TABLE "app"."project_deliverables" DROP COLUMN "object_key";--> statement-breakpoint
ALTER TABLE "app"."project_deliverables" DROP COLUMN "content_type";--> statement-breakpoint
ALTER TABLE "app"."project_deliverables" DROP COLUMN "bytes";--> statement-breakpoint
-- Hand-written (as in 0003): versions, comments and activity are shown by the dashboard's cached reads.
CREATE TRIGGER "deliverable_versions_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."deliverable_versions" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "deliverable_comments_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."deliverable_comments" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
--> statement-breakpoint
CREATE TRIGGER "activity_events_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "app"."activity_events" FOR EACH STATEMENT EXECUTE FUNCTION "app"."bump_data_version"();
