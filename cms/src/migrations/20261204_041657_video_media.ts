import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "payload"."pages_blocks_video" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"video_id" integer,
  	"caption" varchar,
  	"autoplay" boolean DEFAULT false,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_pages_v_blocks_video" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"video_id" integer,
  	"caption" varchar,
  	"autoplay" boolean DEFAULT false,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_video" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"video_id" integer,
  	"caption" varchar,
  	"autoplay" boolean DEFAULT false,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_video" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"video_id" integer,
  	"caption" varchar,
  	"autoplay" boolean DEFAULT false,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_video" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"video_id" integer,
  	"caption" varchar,
  	"autoplay" boolean DEFAULT false,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_video" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"video_id" integer,
  	"caption" varchar,
  	"autoplay" boolean DEFAULT false,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."media_captions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"file_id" integer,
  	"language" varchar,
  	"label" varchar
  );
  
  ALTER TABLE "payload"."media" ADD COLUMN "poster_id" integer;
  ALTER TABLE "payload"."pages_blocks_video" ADD CONSTRAINT "pages_blocks_video_video_id_media_id_fk" FOREIGN KEY ("video_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."pages_blocks_video" ADD CONSTRAINT "pages_blocks_video_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_pages_v_blocks_video" ADD CONSTRAINT "_pages_v_blocks_video_video_id_media_id_fk" FOREIGN KEY ("video_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_pages_v_blocks_video" ADD CONSTRAINT "_pages_v_blocks_video_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_pages_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_video" ADD CONSTRAINT "services_blocks_video_video_id_media_id_fk" FOREIGN KEY ("video_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_video" ADD CONSTRAINT "services_blocks_video_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_video" ADD CONSTRAINT "_services_v_blocks_video_video_id_media_id_fk" FOREIGN KEY ("video_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_video" ADD CONSTRAINT "_services_v_blocks_video_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_video" ADD CONSTRAINT "case_studies_blocks_video_video_id_media_id_fk" FOREIGN KEY ("video_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_video" ADD CONSTRAINT "case_studies_blocks_video_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_video" ADD CONSTRAINT "_case_studies_v_blocks_video_video_id_media_id_fk" FOREIGN KEY ("video_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_video" ADD CONSTRAINT "_case_studies_v_blocks_video_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."media_captions" ADD CONSTRAINT "media_captions_file_id_media_id_fk" FOREIGN KEY ("file_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."media_captions" ADD CONSTRAINT "media_captions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."media"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "pages_blocks_video_order_idx" ON "payload"."pages_blocks_video" USING btree ("_order");
  CREATE INDEX "pages_blocks_video_parent_id_idx" ON "payload"."pages_blocks_video" USING btree ("_parent_id");
  CREATE INDEX "pages_blocks_video_path_idx" ON "payload"."pages_blocks_video" USING btree ("_path");
  CREATE INDEX "pages_blocks_video_video_idx" ON "payload"."pages_blocks_video" USING btree ("video_id");
  CREATE INDEX "_pages_v_blocks_video_order_idx" ON "payload"."_pages_v_blocks_video" USING btree ("_order");
  CREATE INDEX "_pages_v_blocks_video_parent_id_idx" ON "payload"."_pages_v_blocks_video" USING btree ("_parent_id");
  CREATE INDEX "_pages_v_blocks_video_path_idx" ON "payload"."_pages_v_blocks_video" USING btree ("_path");
  CREATE INDEX "_pages_v_blocks_video_video_idx" ON "payload"."_pages_v_blocks_video" USING btree ("video_id");
  CREATE INDEX "services_blocks_video_order_idx" ON "payload"."services_blocks_video" USING btree ("_order");
  CREATE INDEX "services_blocks_video_parent_id_idx" ON "payload"."services_blocks_video" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_video_path_idx" ON "payload"."services_blocks_video" USING btree ("_path");
  CREATE INDEX "services_blocks_video_video_idx" ON "payload"."services_blocks_video" USING btree ("video_id");
  CREATE INDEX "_services_v_blocks_video_order_idx" ON "payload"."_services_v_blocks_video" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_video_parent_id_idx" ON "payload"."_services_v_blocks_video" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_video_path_idx" ON "payload"."_services_v_blocks_video" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_video_video_idx" ON "payload"."_services_v_blocks_video" USING btree ("video_id");
  CREATE INDEX "case_studies_blocks_video_order_idx" ON "payload"."case_studies_blocks_video" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_video_parent_id_idx" ON "payload"."case_studies_blocks_video" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_video_path_idx" ON "payload"."case_studies_blocks_video" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_video_video_idx" ON "payload"."case_studies_blocks_video" USING btree ("video_id");
  CREATE INDEX "_case_studies_v_blocks_video_order_idx" ON "payload"."_case_studies_v_blocks_video" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_video_parent_id_idx" ON "payload"."_case_studies_v_blocks_video" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_video_path_idx" ON "payload"."_case_studies_v_blocks_video" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_video_video_idx" ON "payload"."_case_studies_v_blocks_video" USING btree ("video_id");
  CREATE INDEX "media_captions_order_idx" ON "payload"."media_captions" USING btree ("_order");
  CREATE INDEX "media_captions_parent_id_idx" ON "payload"."media_captions" USING btree ("_parent_id");
  CREATE INDEX "media_captions_file_idx" ON "payload"."media_captions" USING btree ("file_id");
  ALTER TABLE "payload"."media" ADD CONSTRAINT "media_poster_id_media_id_fk" FOREIGN KEY ("poster_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "media_poster_idx" ON "payload"."media" USING btree ("poster_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."pages_blocks_video" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_pages_v_blocks_video" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_video" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_video" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_video" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_video" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."media_captions" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload"."pages_blocks_video" CASCADE;
  DROP TABLE "payload"."_pages_v_blocks_video" CASCADE;
  DROP TABLE "payload"."services_blocks_video" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_video" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_video" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_video" CASCADE;
  DROP TABLE "payload"."media_captions" CASCADE;
  ALTER TABLE "payload"."media" DROP CONSTRAINT "media_poster_id_media_id_fk";
  
  DROP INDEX "payload"."media_poster_idx";
  ALTER TABLE "payload"."media" DROP COLUMN "poster_id";`)
}
