import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Payload's lockout by e-mail is off (src/auth/with-auth-guards.ts): its two columns go, and the rate
// limits that replace it get their counters (src/auth/store.ts). The table is not a Payload
// collection: it is written with one atomic upsert per attempt, which the Local API cannot do.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
  ALTER TABLE "payload"."users" DROP COLUMN "login_attempts";
  ALTER TABLE "payload"."users" DROP COLUMN "lock_until";
  CREATE TABLE "payload"."auth_rate_limits" (
  	"key" text NOT NULL,
  	"window_start" timestamp(3) with time zone NOT NULL,
  	"count" integer NOT NULL,
  	CONSTRAINT "auth_rate_limits_pkey" PRIMARY KEY ("key", "window_start")
  );
  CREATE INDEX "auth_rate_limits_window_start_idx" ON "payload"."auth_rate_limits" ("window_start");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
  DROP TABLE "payload"."auth_rate_limits";
  ALTER TABLE "payload"."users" ADD COLUMN "login_attempts" numeric DEFAULT 0;
  ALTER TABLE "payload"."users" ADD COLUMN "lock_until" timestamp(3) with time zone;`)
}
