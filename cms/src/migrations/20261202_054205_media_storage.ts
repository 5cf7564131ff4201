import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The S3 storage adapter's columns (src/storage/plugin.ts, `alwaysInsertFields`). Existing rows take
// the collection's prefix as their default, so files moved to the bucket keep resolving.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."media" ADD COLUMN "prefix" varchar DEFAULT 'media';
  ALTER TABLE "payload"."media" ADD COLUMN "_objectkey" varchar;
  ALTER TABLE "payload"."models" ADD COLUMN "prefix" varchar DEFAULT 'model-sources';
  ALTER TABLE "payload"."models" ADD COLUMN "_objectkey" varchar;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."media" DROP COLUMN "prefix";
  ALTER TABLE "payload"."media" DROP COLUMN "_objectkey";
  ALTER TABLE "payload"."models" DROP COLUMN "prefix";
  ALTER TABLE "payload"."models" DROP COLUMN "_objectkey";`)
}
