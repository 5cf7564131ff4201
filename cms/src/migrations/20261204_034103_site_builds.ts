import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The site's build history (src/collections/SiteBuilds): the admin's publish status.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "payload"."enum_site_builds_status" AS ENUM('queued', 'building', 'live', 'failed');
  CREATE TABLE "payload"."site_builds" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"status" "payload"."enum_site_builds_status" NOT NULL,
  	"summary" varchar NOT NULL,
  	"changes" jsonb,
  	"rebuilder" varchar,
  	"queued_at" timestamp(3) with time zone NOT NULL,
  	"started_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"duration_ms" numeric,
  	"error" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD COLUMN "site_builds_id" integer;
  CREATE INDEX "site_builds_status_idx" ON "payload"."site_builds" USING btree ("status");
  CREATE INDEX "site_builds_queued_at_idx" ON "payload"."site_builds" USING btree ("queued_at");
  CREATE INDEX "site_builds_started_at_idx" ON "payload"."site_builds" USING btree ("started_at");
  CREATE INDEX "site_builds_updated_at_idx" ON "payload"."site_builds" USING btree ("updated_at");
  CREATE INDEX "site_builds_created_at_idx" ON "payload"."site_builds" USING btree ("created_at");
  ALTER TABLE "payload"."payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_site_builds_fk" FOREIGN KEY ("site_builds_id") REFERENCES "payload"."site_builds"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_site_builds_id_idx" ON "payload"."payload_locked_documents_rels" USING btree ("site_builds_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."site_builds" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload"."site_builds" CASCADE;
  ALTER TABLE "payload"."payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_site_builds_fk";
  
  DROP INDEX "payload"."payload_locked_documents_rels_site_builds_id_idx";
  ALTER TABLE "payload"."payload_locked_documents_rels" DROP COLUMN "site_builds_id";
  DROP TYPE "payload"."enum_site_builds_status";`)
}
