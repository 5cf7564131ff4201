import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "payload"."enum_models_status" AS ENUM('queued', 'processing', 'ready', 'failed');
  ALTER TYPE "payload"."enum_payload_jobs_log_task_slug" ADD VALUE 'processModel' BEFORE 'schedulePublish';
  ALTER TYPE "payload"."enum_payload_jobs_task_slug" ADD VALUE 'processModel' BEFORE 'schedulePublish';
  CREATE TABLE "payload"."pages_blocks_model3d" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"model_id" integer,
  	"caption" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_pages_v_blocks_model3d" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"model_id" integer,
  	"caption" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."models" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"title" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"alt" varchar NOT NULL,
  	"status" "payload"."enum_models_status" DEFAULT 'queued' NOT NULL,
  	"error" varchar,
  	"manifest" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  ALTER TABLE "payload"."services" ADD COLUMN "model_id" integer;
  ALTER TABLE "payload"."_services_v" ADD COLUMN "version_model_id" integer;
  ALTER TABLE "payload"."case_studies" ADD COLUMN "model_id" integer;
  ALTER TABLE "payload"."_case_studies_v" ADD COLUMN "version_model_id" integer;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD COLUMN "models_id" integer;
  ALTER TABLE "payload"."pages_blocks_model3d" ADD CONSTRAINT "pages_blocks_model3d_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."pages_blocks_model3d" ADD CONSTRAINT "pages_blocks_model3d_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_pages_v_blocks_model3d" ADD CONSTRAINT "_pages_v_blocks_model3d_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_pages_v_blocks_model3d" ADD CONSTRAINT "_pages_v_blocks_model3d_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "pages_blocks_model3d_order_idx" ON "payload"."pages_blocks_model3d" USING btree ("_order");
  CREATE INDEX "pages_blocks_model3d_parent_id_idx" ON "payload"."pages_blocks_model3d" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_model3d_path_idx" ON "payload"."pages_blocks_model3d" USING btree ("_path");
  CREATE INDEX "pages_blocks_model3d_model_idx" ON "payload"."pages_blocks_model3d" USING btree ("model_id");
  CREATE INDEX "_pages_v_blocks_model3d_order_idx" ON "payload"."_pages_v_blocks_model3d" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_model3d_parent_id_idx" ON "payload"."_pages_v_blocks_model3d" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_model3d_path_idx" ON "payload"."_pages_v_blocks_model3d" USING btree ("_path");
  CREATE INDEX "_pages_v_blocks_model3d_model_idx" ON "payload"."_pages_v_blocks_model3d" USING btree ("model_id");
  CREATE UNIQUE INDEX "models_slug_idx" ON "payload"."models" USING btree ("slug");
  CREATE INDEX "models_status_idx" ON "payload"."models" USING btree ("status");
  CREATE INDEX "models_updated_at_idx" ON "payload"."models" USING btree ("updated_at");
  CREATE INDEX "models_created_at_idx" ON "payload"."models" USING btree ("created_at");
  CREATE UNIQUE INDEX "models_filename_idx" ON "payload"."models" USING btree ("filename");
  ALTER TABLE "payload"."services" ADD CONSTRAINT "services_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_services_v" ADD CONSTRAINT "_services_v_version_model_id_models_id_fk" FOREIGN KEY ("version_model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."case_studies" ADD CONSTRAINT "case_studies_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v" ADD CONSTRAINT "_case_studies_v_version_model_id_models_id_fk" FOREIGN KEY ("version_model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_models_fk" FOREIGN KEY ("models_id") REFERENCES "payload"."models"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "services_model_idx" ON "payload"."services" USING btree ("model_id");
  CREATE INDEX "_services_v_version_version_model_idx" ON "payload"."_services_v" USING btree ("version_model_id");
  CREATE INDEX "case_studies_model_idx" ON "payload"."case_studies" USING btree ("model_id");
  CREATE INDEX "_case_studies_v_version_version_model_idx" ON "payload"."_case_studies_v" USING btree ("version_model_id");
  CREATE INDEX "payload_locked_documents_rels_models_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("models_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."pages_blocks_model3d" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_pages_v_blocks_model3d" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."models" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload"."pages_blocks_model3d" CASCADE;
  DROP TABLE "payload"."_pages_v_blocks_model3d" CASCADE;
  DROP TABLE "payload"."models" CASCADE;
  ALTER TABLE "payload"."services" DROP CONSTRAINT "services_model_id_models_id_fk";
  
  ALTER TABLE "payload"."_services_v" DROP CONSTRAINT "_services_v_version_model_id_models_id_fk";
  
  ALTER TABLE "payload"."case_studies" DROP CONSTRAINT "case_studies_model_id_models_id_fk";
  
  ALTER TABLE "payload"."_case_studies_v" DROP CONSTRAINT "_case_studies_v_version_model_id_models_id_fk";
  
  ALTER TABLE "payload"."payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_models_fk";
  
  ALTER TABLE "payload"."payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "payload"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "payload"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload"."payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "payload"."enum_payload_jobs_log_task_slug" USING "task_slug"::"payload"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload"."payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "payload"."enum_payload_jobs_task_slug";
  CREATE TYPE "payload"."enum_payload_jobs_task_slug" AS ENUM('inline', 'schedulePublish');
  ALTER TABLE "payload"."payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "payload"."enum_payload_jobs_task_slug" USING "task_slug"::"payload"."enum_payload_jobs_task_slug";
  DROP INDEX "payload"."services_model_idx";
  DROP INDEX "payload"."_services_v_version_version_model_idx";
  DROP INDEX "payload"."case_studies_model_idx";
  DROP INDEX "payload"."_case_studies_v_version_version_model_idx";
  DROP INDEX "payload"."payload_locked_documents_rels_models_id_idx";
  ALTER TABLE "payload"."services" DROP COLUMN "model_id";
  ALTER TABLE "payload"."_services_v" DROP COLUMN "version_model_id";
  ALTER TABLE "payload"."case_studies" DROP COLUMN "model_id";
  ALTER TABLE "payload"."_case_studies_v" DROP COLUMN "version_model_id";
  ALTER TABLE "payload"."payload_locked_documents_rels" DROP COLUMN "models_id";
  DROP TYPE "payload"."enum_models_status";`)
}
