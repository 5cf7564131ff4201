import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// The site settings' "Field Core Web Vitals" option (off by default) and its sample rate.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "payload"."site_settings" ADD COLUMN "field_vitals_enabled" boolean DEFAULT false;
  ALTER TABLE "payload"."site_settings" ADD COLUMN "field_vitals_sample_rate" numeric DEFAULT 10;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "payload"."site_settings" DROP COLUMN "field_vitals_enabled";
  ALTER TABLE "payload"."site_settings" DROP COLUMN "field_vitals_sample_rate";`)
}
