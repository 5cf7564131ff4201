import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Pages under pages: each page's parent (and each version's). Deleting a parent moves its subpages to
// the top rather than deleting them.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."pages" ADD COLUMN "parent_id" integer;
  ALTER TABLE "payload"."_pages_v" ADD COLUMN "version_parent_id" integer;
  ALTER TABLE "payload"."pages" ADD CONSTRAINT "pages_parent_id_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."pages"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_pages_v" ADD CONSTRAINT "_pages_v_version_parent_id_pages_id_fk" FOREIGN KEY ("version_parent_id") REFERENCES "payload"."pages"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "pages_parent_idx" ON "payload"."pages" USING btree ("parent_id");
  CREATE INDEX "_pages_v_version_version_parent_idx" ON "payload"."_pages_v" USING btree ("version_parent_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."pages" DROP CONSTRAINT "pages_parent_id_pages_id_fk";
  
  ALTER TABLE "payload"."_pages_v" DROP CONSTRAINT "_pages_v_version_parent_id_pages_id_fk";
  
  DROP INDEX "payload"."pages_parent_idx";
  DROP INDEX "payload"."_pages_v_version_version_parent_idx";
  ALTER TABLE "payload"."pages" DROP COLUMN "parent_id";
  ALTER TABLE "payload"."_pages_v" DROP COLUMN "version_parent_id";`)
}
