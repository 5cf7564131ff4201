import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Deleting pages, services, case studies, team members and testimonials moves them to the trash
// (`deleted_at`), restorable for 30 days (src/trash/).

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "payload"."enum_payload_jobs_log_task_slug" ADD VALUE 'purgeTrash' BEFORE 'schedulePublish';
  ALTER TYPE "payload"."enum_payload_jobs_task_slug" ADD VALUE 'purgeTrash' BEFORE 'schedulePublish';
  CREATE TABLE "payload"."payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload"."pages" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."_pages_v" ADD COLUMN "version_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."services" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."_services_v" ADD COLUMN "version_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."case_studies" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."_case_studies_v" ADD COLUMN "version_deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."team_members" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."testimonials" ADD COLUMN "deleted_at" timestamp(3) with time zone;
  ALTER TABLE "payload"."payload_jobs" ADD COLUMN "meta" jsonb;
  CREATE INDEX "pages_deleted_at_idx" ON "payload"."pages" USING btree ("deleted_at");
  CREATE INDEX "_pages_v_version_version_deleted_at_idx" ON "payload"."_pages_v" USING btree ("version_deleted_at");
  CREATE INDEX "services_deleted_at_idx" ON "payload"."services" USING btree ("deleted_at");
  CREATE INDEX "_services_v_version_version_deleted_at_idx" ON "payload"."_services_v" USING btree ("version_deleted_at");
  CREATE INDEX "case_studies_deleted_at_idx" ON "payload"."case_studies" USING btree ("deleted_at");
  CREATE INDEX "_case_studies_v_version_version_deleted_at_idx" ON "payload"."_case_studies_v" USING btree ("version_deleted_at");
  CREATE INDEX "team_members_deleted_at_idx" ON "payload"."team_members" USING btree ("deleted_at");
  CREATE INDEX "testimonials_deleted_at_idx" ON "payload"."testimonials" USING btree ("deleted_at");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload"."payload_jobs_stats" CASCADE;
  ALTER TABLE "payload"."payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "payload"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "payload"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'processModel', 'schedulePublish');
  ALTER TABLE "payload"."payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "payload"."enum_payload_jobs_log_task_slug" USING "task_slug"::"payload"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload"."payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "payload"."enum_payload_jobs_task_slug";
  CREATE TYPE "payload"."enum_payload_jobs_task_slug" AS ENUM('inline', 'processModel', 'schedulePublish');
  ALTER TABLE "payload"."payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "payload"."enum_payload_jobs_task_slug" USING "task_slug"::"payload"."enum_payload_jobs_task_slug";
  DROP INDEX "payload"."pages_deleted_at_idx";
  DROP INDEX "payload"."_pages_v_version_version_deleted_at_idx";
  DROP INDEX "payload"."services_deleted_at_idx";
  DROP INDEX "payload"."_services_v_version_version_deleted_at_idx";
  DROP INDEX "payload"."case_studies_deleted_at_idx";
  DROP INDEX "payload"."_case_studies_v_version_version_deleted_at_idx";
  DROP INDEX "payload"."team_members_deleted_at_idx";
  DROP INDEX "payload"."testimonials_deleted_at_idx";
  ALTER TABLE "payload"."pages" DROP COLUMN "deleted_at";
  ALTER TABLE "payload"."_pages_v" DROP COLUMN "version_deleted_at";
  ALTER TABLE "payload"."services" DROP COLUMN "deleted_at";
  ALTER TABLE "payload"."_services_v" DROP COLUMN "version_deleted_at";
  ALTER TABLE "payload"."case_studies" DROP COLUMN "deleted_at";
  ALTER TABLE "payload"."_case_studies_v" DROP COLUMN "version_deleted_at";
  ALTER TABLE "payload"."team_members" DROP COLUMN "deleted_at";
  ALTER TABLE "payload"."testimonials" DROP COLUMN "deleted_at";
  ALTER TABLE "payload"."payload_jobs" DROP COLUMN "meta";`)
}
