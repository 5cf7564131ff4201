import { type MigrateDownArgs, type MigrateUpArgs, sql } from '@payloadcms/db-postgres'

// Case studies and services take an optional layout of the same blocks as pages: each block's tables
// for both collections and their versions.

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "payload"."enum_services_blocks_cta_links_link_type" AS ENUM('reference', 'custom');
  CREATE TYPE "payload"."enum_services_blocks_service_list_populate_by" AS ENUM('all', 'selection');
  CREATE TYPE "payload"."enum_services_blocks_case_study_list_populate_by" AS ENUM('latest', 'selection');
  CREATE TYPE "payload"."enum__services_v_blocks_cta_links_link_type" AS ENUM('reference', 'custom');
  CREATE TYPE "payload"."enum__services_v_blocks_service_list_populate_by" AS ENUM('all', 'selection');
  CREATE TYPE "payload"."enum__services_v_blocks_case_study_list_populate_by" AS ENUM('latest', 'selection');
  CREATE TYPE "payload"."enum_case_studies_blocks_cta_links_link_type" AS ENUM('reference', 'custom');
  CREATE TYPE "payload"."enum_case_studies_blocks_service_list_populate_by" AS ENUM('all', 'selection');
  CREATE TYPE "payload"."enum_case_studies_blocks_case_study_list_populate_by" AS ENUM('latest', 'selection');
  CREATE TYPE "payload"."enum__case_studies_v_blocks_cta_links_link_type" AS ENUM('reference', 'custom');
  CREATE TYPE "payload"."enum__case_studies_v_blocks_service_list_populate_by" AS ENUM('all', 'selection');
  CREATE TYPE "payload"."enum__case_studies_v_blocks_case_study_list_populate_by" AS ENUM('latest', 'selection');
  CREATE TABLE "payload"."services_blocks_rich_text" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_image" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_gallery_images" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_gallery" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_stats_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"value" varchar,
  	"label" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_stats" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_quote" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"quote" varchar,
  	"person" varchar,
  	"role" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_cta_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"link_type" "payload"."enum_services_blocks_cta_links_link_type" DEFAULT 'reference',
  	"link_url" varchar,
  	"link_label" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_cta" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"text" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_service_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum_services_blocks_service_list_populate_by" DEFAULT 'all',
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_case_study_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum_services_blocks_case_study_list_populate_by" DEFAULT 'latest',
  	"limit" numeric DEFAULT 3,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_blocks_model3d" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"model_id" integer,
  	"caption" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."services_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"pages_id" integer,
  	"services_id" integer,
  	"case_studies_id" integer
  );
  
  CREATE TABLE "payload"."_services_v_blocks_rich_text" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_image" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_gallery_images" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_gallery" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_stats_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"value" varchar,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_stats" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_quote" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"quote" varchar,
  	"person" varchar,
  	"role" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_cta_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"link_type" "payload"."enum__services_v_blocks_cta_links_link_type" DEFAULT 'reference',
  	"link_url" varchar,
  	"link_label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_cta" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"text" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_service_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum__services_v_blocks_service_list_populate_by" DEFAULT 'all',
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_case_study_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum__services_v_blocks_case_study_list_populate_by" DEFAULT 'latest',
  	"limit" numeric DEFAULT 3,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_blocks_model3d" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"model_id" integer,
  	"caption" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_services_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"pages_id" integer,
  	"services_id" integer,
  	"case_studies_id" integer
  );
  
  CREATE TABLE "payload"."case_studies_blocks_rich_text" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_image" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_gallery_images" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_gallery" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_stats_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"value" varchar,
  	"label" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_stats" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_quote" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"quote" varchar,
  	"person" varchar,
  	"role" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_cta_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"link_type" "payload"."enum_case_studies_blocks_cta_links_link_type" DEFAULT 'reference',
  	"link_url" varchar,
  	"link_label" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_cta" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"text" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_service_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum_case_studies_blocks_service_list_populate_by" DEFAULT 'all',
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_case_study_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum_case_studies_blocks_case_study_list_populate_by" DEFAULT 'latest',
  	"limit" numeric DEFAULT 3,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."case_studies_blocks_model3d" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"model_id" integer,
  	"caption" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_rich_text" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"content" jsonb,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_image" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_gallery_images" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"image_id" integer,
  	"caption" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_gallery" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_stats_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"value" varchar,
  	"label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_stats" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_quote" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"quote" varchar,
  	"person" varchar,
  	"role" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_cta_links" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"link_type" "payload"."enum__case_studies_v_blocks_cta_links_link_type" DEFAULT 'reference',
  	"link_url" varchar,
  	"link_label" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_cta" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"text" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_service_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum__case_studies_v_blocks_service_list_populate_by" DEFAULT 'all',
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_case_study_list" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"heading" varchar,
  	"intro" varchar,
  	"populate_by" "payload"."enum__case_studies_v_blocks_case_study_list_populate_by" DEFAULT 'latest',
  	"limit" numeric DEFAULT 3,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  CREATE TABLE "payload"."_case_studies_v_blocks_model3d" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"_path" text NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"model_id" integer,
  	"caption" varchar,
  	"_uuid" varchar,
  	"block_name" varchar
  );
  
  ALTER TABLE "payload"."case_studies_rels" ADD COLUMN "pages_id" integer;
  ALTER TABLE "payload"."case_studies_rels" ADD COLUMN "case_studies_id" integer;
  ALTER TABLE "payload"."_case_studies_v_rels" ADD COLUMN "pages_id" integer;
  ALTER TABLE "payload"."_case_studies_v_rels" ADD COLUMN "case_studies_id" integer;
  ALTER TABLE "payload"."services_blocks_rich_text" ADD CONSTRAINT "services_blocks_rich_text_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_image" ADD CONSTRAINT "services_blocks_image_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_image" ADD CONSTRAINT "services_blocks_image_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_gallery_images" ADD CONSTRAINT "services_blocks_gallery_images_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_gallery_images" ADD CONSTRAINT "services_blocks_gallery_images_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services_blocks_gallery"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_gallery" ADD CONSTRAINT "services_blocks_gallery_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_stats_items" ADD CONSTRAINT "services_blocks_stats_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services_blocks_stats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_stats" ADD CONSTRAINT "services_blocks_stats_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_quote" ADD CONSTRAINT "services_blocks_quote_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_cta_links" ADD CONSTRAINT "services_blocks_cta_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services_blocks_cta"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_cta" ADD CONSTRAINT "services_blocks_cta_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_service_list" ADD CONSTRAINT "services_blocks_service_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_case_study_list" ADD CONSTRAINT "services_blocks_case_study_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_model3d" ADD CONSTRAINT "services_blocks_model3d_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."services_blocks_model3d" ADD CONSTRAINT "services_blocks_model3d_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_rels" ADD CONSTRAINT "services_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_rels" ADD CONSTRAINT "services_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "payload"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_rels" ADD CONSTRAINT "services_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."services_rels" ADD CONSTRAINT "services_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_rich_text" ADD CONSTRAINT "_services_v_blocks_rich_text_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_image" ADD CONSTRAINT "_services_v_blocks_image_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_image" ADD CONSTRAINT "_services_v_blocks_image_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_gallery_images" ADD CONSTRAINT "_services_v_blocks_gallery_images_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_gallery_images" ADD CONSTRAINT "_services_v_blocks_gallery_images_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v_blocks_gallery"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_gallery" ADD CONSTRAINT "_services_v_blocks_gallery_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_stats_items" ADD CONSTRAINT "_services_v_blocks_stats_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v_blocks_stats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_stats" ADD CONSTRAINT "_services_v_blocks_stats_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_quote" ADD CONSTRAINT "_services_v_blocks_quote_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_cta_links" ADD CONSTRAINT "_services_v_blocks_cta_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v_blocks_cta"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_cta" ADD CONSTRAINT "_services_v_blocks_cta_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_service_list" ADD CONSTRAINT "_services_v_blocks_service_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_case_study_list" ADD CONSTRAINT "_services_v_blocks_case_study_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_model3d" ADD CONSTRAINT "_services_v_blocks_model3d_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_blocks_model3d" ADD CONSTRAINT "_services_v_blocks_model3d_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_rels" ADD CONSTRAINT "_services_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "payload"."_services_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_rels" ADD CONSTRAINT "_services_v_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "payload"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_rels" ADD CONSTRAINT "_services_v_rels_services_fk" FOREIGN KEY ("services_id") REFERENCES "payload"."services"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_services_v_rels" ADD CONSTRAINT "_services_v_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_rich_text" ADD CONSTRAINT "case_studies_blocks_rich_text_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_image" ADD CONSTRAINT "case_studies_blocks_image_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_image" ADD CONSTRAINT "case_studies_blocks_image_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_gallery_images" ADD CONSTRAINT "case_studies_blocks_gallery_images_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_gallery_images" ADD CONSTRAINT "case_studies_blocks_gallery_images_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies_blocks_gallery"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_gallery" ADD CONSTRAINT "case_studies_blocks_gallery_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_stats_items" ADD CONSTRAINT "case_studies_blocks_stats_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies_blocks_stats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_stats" ADD CONSTRAINT "case_studies_blocks_stats_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_quote" ADD CONSTRAINT "case_studies_blocks_quote_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_cta_links" ADD CONSTRAINT "case_studies_blocks_cta_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies_blocks_cta"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_cta" ADD CONSTRAINT "case_studies_blocks_cta_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_service_list" ADD CONSTRAINT "case_studies_blocks_service_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_case_study_list" ADD CONSTRAINT "case_studies_blocks_case_study_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_model3d" ADD CONSTRAINT "case_studies_blocks_model3d_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_blocks_model3d" ADD CONSTRAINT "case_studies_blocks_model3d_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_rich_text" ADD CONSTRAINT "_case_studies_v_blocks_rich_text_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_image" ADD CONSTRAINT "_case_studies_v_blocks_image_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_image" ADD CONSTRAINT "_case_studies_v_blocks_image_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_gallery_images" ADD CONSTRAINT "_case_studies_v_blocks_gallery_images_image_id_media_id_fk" FOREIGN KEY ("image_id") REFERENCES "payload"."media"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_gallery_images" ADD CONSTRAINT "_case_studies_v_blocks_gallery_images_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v_blocks_gallery"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_gallery" ADD CONSTRAINT "_case_studies_v_blocks_gallery_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_stats_items" ADD CONSTRAINT "_case_studies_v_blocks_stats_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v_blocks_stats"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_stats" ADD CONSTRAINT "_case_studies_v_blocks_stats_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_quote" ADD CONSTRAINT "_case_studies_v_blocks_quote_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_cta_links" ADD CONSTRAINT "_case_studies_v_blocks_cta_links_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v_blocks_cta"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_cta" ADD CONSTRAINT "_case_studies_v_blocks_cta_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_service_list" ADD CONSTRAINT "_case_studies_v_blocks_service_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_case_study_list" ADD CONSTRAINT "_case_studies_v_blocks_case_study_list_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_model3d" ADD CONSTRAINT "_case_studies_v_blocks_model3d_model_id_models_id_fk" FOREIGN KEY ("model_id") REFERENCES "payload"."models"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_blocks_model3d" ADD CONSTRAINT "_case_studies_v_blocks_model3d_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "payload"."_case_studies_v"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "services_blocks_rich_text_order_idx" ON "payload"."services_blocks_rich_text" USING btree ("_order");
  CREATE INDEX "services_blocks_rich_text_parent_id_idx" ON "payload"."services_blocks_rich_text" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_rich_text_path_idx" ON "payload"."services_blocks_rich_text" USING btree ("_path");
  CREATE INDEX "services_blocks_image_order_idx" ON "payload"."services_blocks_image" USING btree ("_order");
  CREATE INDEX "services_blocks_image_parent_id_idx" ON "payload"."services_blocks_image" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_image_path_idx" ON "payload"."services_blocks_image" USING btree ("_path");
  CREATE INDEX "services_blocks_image_image_idx" ON "payload"."services_blocks_image" USING btree ("image_id");
  CREATE INDEX "services_blocks_gallery_images_order_idx" ON "payload"."services_blocks_gallery_images" USING btree ("_order");
  CREATE INDEX "services_blocks_gallery_images_parent_id_idx" ON "payload"."services_blocks_gallery_images" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_gallery_images_image_idx" ON "payload"."services_blocks_gallery_images" USING btree ("image_id");
  CREATE INDEX "services_blocks_gallery_order_idx" ON "payload"."services_blocks_gallery" USING btree ("_order");
  CREATE INDEX "services_blocks_gallery_parent_id_idx" ON "payload"."services_blocks_gallery" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_gallery_path_idx" ON "payload"."services_blocks_gallery" USING btree ("_path");
  CREATE INDEX "services_blocks_stats_items_order_idx" ON "payload"."services_blocks_stats_items" USING btree ("_order");
  CREATE INDEX "services_blocks_stats_items_parent_id_idx" ON "payload"."services_blocks_stats_items" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_stats_order_idx" ON "payload"."services_blocks_stats" USING btree ("_order");
  CREATE INDEX "services_blocks_stats_parent_id_idx" ON "payload"."services_blocks_stats" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_stats_path_idx" ON "payload"."services_blocks_stats" USING btree ("_path");
  CREATE INDEX "services_blocks_quote_order_idx" ON "payload"."services_blocks_quote" USING btree ("_order");
  CREATE INDEX "services_blocks_quote_parent_id_idx" ON "payload"."services_blocks_quote" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_quote_path_idx" ON "payload"."services_blocks_quote" USING btree ("_path");
  CREATE INDEX "services_blocks_cta_links_order_idx" ON "payload"."services_blocks_cta_links" USING btree ("_order");
  CREATE INDEX "services_blocks_cta_links_parent_id_idx" ON "payload"."services_blocks_cta_links" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_cta_order_idx" ON "payload"."services_blocks_cta" USING btree ("_order");
  CREATE INDEX "services_blocks_cta_parent_id_idx" ON "payload"."services_blocks_cta" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_cta_path_idx" ON "payload"."services_blocks_cta" USING btree ("_path");
  CREATE INDEX "services_blocks_service_list_order_idx" ON "payload"."services_blocks_service_list" USING btree ("_order");
  CREATE INDEX "services_blocks_service_list_parent_id_idx" ON "payload"."services_blocks_service_list" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_service_list_path_idx" ON "payload"."services_blocks_service_list" USING btree ("_path");
  CREATE INDEX "services_blocks_case_study_list_order_idx" ON "payload"."services_blocks_case_study_list" USING btree ("_order");
  CREATE INDEX "services_blocks_case_study_list_parent_id_idx" ON "payload"."services_blocks_case_study_list" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_case_study_list_path_idx" ON "payload"."services_blocks_case_study_list" USING btree ("_path");
  CREATE INDEX "services_blocks_model3d_order_idx" ON "payload"."services_blocks_model3d" USING btree ("_order");
  CREATE INDEX "services_blocks_model3d_parent_id_idx" ON "payload"."services_blocks_model3d" USING btree ("_parent_id");
  CREATE INDEX "services_blocks_model3d_path_idx" ON "payload"."services_blocks_model3d" USING btree ("_path");
  CREATE INDEX "services_blocks_model3d_model_idx" ON "payload"."services_blocks_model3d" USING btree ("model_id");
  CREATE INDEX "services_rels_order_idx" ON "payload"."services_rels" USING btree ("order");
  CREATE INDEX "services_rels_parent_idx" ON "payload"."services_rels" USING btree ("parent_id");
  CREATE INDEX "services_rels_path_idx" ON "payload"."services_rels" USING btree ("path");
  CREATE INDEX "services_rels_pages_id_idx" ON "payload"."services_rels" USING btree ("pages_id");
  CREATE INDEX "services_rels_services_id_idx" ON "payload"."services_rels" USING btree ("services_id");
  CREATE INDEX "services_rels_case_studies_id_idx" ON "payload"."services_rels" USING btree ("case_studies_id");
  CREATE INDEX "_services_v_blocks_rich_text_order_idx" ON "payload"."_services_v_blocks_rich_text" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_rich_text_parent_id_idx" ON "payload"."_services_v_blocks_rich_text" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_rich_text_path_idx" ON "payload"."_services_v_blocks_rich_text" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_image_order_idx" ON "payload"."_services_v_blocks_image" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_image_parent_id_idx" ON "payload"."_services_v_blocks_image" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_image_path_idx" ON "payload"."_services_v_blocks_image" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_image_image_idx" ON "payload"."_services_v_blocks_image" USING btree ("image_id");
  CREATE INDEX "_services_v_blocks_gallery_images_order_idx" ON "payload"."_services_v_blocks_gallery_images" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_gallery_images_parent_id_idx" ON "payload"."_services_v_blocks_gallery_images" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_gallery_images_image_idx" ON "payload"."_services_v_blocks_gallery_images" USING btree ("image_id");
  CREATE INDEX "_services_v_blocks_gallery_order_idx" ON "payload"."_services_v_blocks_gallery" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_gallery_parent_id_idx" ON "payload"."_services_v_blocks_gallery" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_gallery_path_idx" ON "payload"."_services_v_blocks_gallery" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_stats_items_order_idx" ON "payload"."_services_v_blocks_stats_items" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_stats_items_parent_id_idx" ON "payload"."_services_v_blocks_stats_items" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_stats_order_idx" ON "payload"."_services_v_blocks_stats" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_stats_parent_id_idx" ON "payload"."_services_v_blocks_stats" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_stats_path_idx" ON "payload"."_services_v_blocks_stats" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_quote_order_idx" ON "payload"."_services_v_blocks_quote" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_quote_parent_id_idx" ON "payload"."_services_v_blocks_quote" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_quote_path_idx" ON "payload"."_services_v_blocks_quote" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_cta_links_order_idx" ON "payload"."_services_v_blocks_cta_links" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_cta_links_parent_id_idx" ON "payload"."_services_v_blocks_cta_links" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_cta_order_idx" ON "payload"."_services_v_blocks_cta" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_cta_parent_id_idx" ON "payload"."_services_v_blocks_cta" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_cta_path_idx" ON "payload"."_services_v_blocks_cta" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_service_list_order_idx" ON "payload"."_services_v_blocks_service_list" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_service_list_parent_id_idx" ON "payload"."_services_v_blocks_service_list" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_service_list_path_idx" ON "payload"."_services_v_blocks_service_list" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_case_study_list_order_idx" ON "payload"."_services_v_blocks_case_study_list" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_case_study_list_parent_id_idx" ON "payload"."_services_v_blocks_case_study_list" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_case_study_list_path_idx" ON "payload"."_services_v_blocks_case_study_list" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_model3d_order_idx" ON "payload"."_services_v_blocks_model3d" USING btree ("_order");
  CREATE INDEX "_services_v_blocks_model3d_parent_id_idx" ON "payload"."_services_v_blocks_model3d" USING btree ("_parent_id");
  CREATE INDEX "_services_v_blocks_model3d_path_idx" ON "payload"."_services_v_blocks_model3d" USING btree ("_path");
  CREATE INDEX "_services_v_blocks_model3d_model_idx" ON "payload"."_services_v_blocks_model3d" USING btree ("model_id");
  CREATE INDEX "_services_v_rels_order_idx" ON "payload"."_services_v_rels" USING btree ("order");
  CREATE INDEX "_services_v_rels_parent_idx" ON "payload"."_services_v_rels" USING btree ("parent_id");
  CREATE INDEX "_services_v_rels_path_idx" ON "payload"."_services_v_rels" USING btree ("path");
  CREATE INDEX "_services_v_rels_pages_id_idx" ON "payload"."_services_v_rels" USING btree ("pages_id");
  CREATE INDEX "_services_v_rels_services_id_idx" ON "payload"."_services_v_rels" USING btree ("services_id");
  CREATE INDEX "_services_v_rels_case_studies_id_idx" ON "payload"."_services_v_rels" USING btree ("case_studies_id");
  CREATE INDEX "case_studies_blocks_rich_text_order_idx" ON "payload"."case_studies_blocks_rich_text" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_rich_text_parent_id_idx" ON "payload"."case_studies_blocks_rich_text" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_rich_text_path_idx" ON "payload"."case_studies_blocks_rich_text" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_image_order_idx" ON "payload"."case_studies_blocks_image" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_image_parent_id_idx" ON "payload"."case_studies_blocks_image" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_image_path_idx" ON "payload"."case_studies_blocks_image" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_image_image_idx" ON "payload"."case_studies_blocks_image" USING btree ("image_id");
  CREATE INDEX "case_studies_blocks_gallery_images_order_idx" ON "payload"."case_studies_blocks_gallery_images" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_gallery_images_parent_id_idx" ON "payload"."case_studies_blocks_gallery_images" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_gallery_images_image_idx" ON "payload"."case_studies_blocks_gallery_images" USING btree ("image_id");
  CREATE INDEX "case_studies_blocks_gallery_order_idx" ON "payload"."case_studies_blocks_gallery" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_gallery_parent_id_idx" ON "payload"."case_studies_blocks_gallery" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_gallery_path_idx" ON "payload"."case_studies_blocks_gallery" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_stats_items_order_idx" ON "payload"."case_studies_blocks_stats_items" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_stats_items_parent_id_idx" ON "payload"."case_studies_blocks_stats_items" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_stats_order_idx" ON "payload"."case_studies_blocks_stats" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_stats_parent_id_idx" ON "payload"."case_studies_blocks_stats" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_stats_path_idx" ON "payload"."case_studies_blocks_stats" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_quote_order_idx" ON "payload"."case_studies_blocks_quote" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_quote_parent_id_idx" ON "payload"."case_studies_blocks_quote" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_quote_path_idx" ON "payload"."case_studies_blocks_quote" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_cta_links_order_idx" ON "payload"."case_studies_blocks_cta_links" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_cta_links_parent_id_idx" ON "payload"."case_studies_blocks_cta_links" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_cta_order_idx" ON "payload"."case_studies_blocks_cta" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_cta_parent_id_idx" ON "payload"."case_studies_blocks_cta" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_cta_path_idx" ON "payload"."case_studies_blocks_cta" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_service_list_order_idx" ON "payload"."case_studies_blocks_service_list" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_service_list_parent_id_idx" ON "payload"."case_studies_blocks_service_list" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_service_list_path_idx" ON "payload"."case_studies_blocks_service_list" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_case_study_list_order_idx" ON "payload"."case_studies_blocks_case_study_list" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_case_study_list_parent_id_idx" ON "payload"."case_studies_blocks_case_study_list" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_case_study_list_path_idx" ON "payload"."case_studies_blocks_case_study_list" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_model3d_order_idx" ON "payload"."case_studies_blocks_model3d" USING btree ("_order");
  CREATE INDEX "case_studies_blocks_model3d_parent_id_idx" ON "payload"."case_studies_blocks_model3d" USING btree ("_parent_id");
  CREATE INDEX "case_studies_blocks_model3d_path_idx" ON "payload"."case_studies_blocks_model3d" USING btree ("_path");
  CREATE INDEX "case_studies_blocks_model3d_model_idx" ON "payload"."case_studies_blocks_model3d" USING btree ("model_id");
  CREATE INDEX "_case_studies_v_blocks_rich_text_order_idx" ON "payload"."_case_studies_v_blocks_rich_text" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_rich_text_parent_id_idx" ON "payload"."_case_studies_v_blocks_rich_text" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_rich_text_path_idx" ON "payload"."_case_studies_v_blocks_rich_text" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_image_order_idx" ON "payload"."_case_studies_v_blocks_image" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_image_parent_id_idx" ON "payload"."_case_studies_v_blocks_image" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_image_path_idx" ON "payload"."_case_studies_v_blocks_image" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_image_image_idx" ON "payload"."_case_studies_v_blocks_image" USING btree ("image_id");
  CREATE INDEX "_case_studies_v_blocks_gallery_images_order_idx" ON "payload"."_case_studies_v_blocks_gallery_images" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_gallery_images_parent_id_idx" ON "payload"."_case_studies_v_blocks_gallery_images" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_gallery_images_image_idx" ON "payload"."_case_studies_v_blocks_gallery_images" USING btree ("image_id");
  CREATE INDEX "_case_studies_v_blocks_gallery_order_idx" ON "payload"."_case_studies_v_blocks_gallery" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_gallery_parent_id_idx" ON "payload"."_case_studies_v_blocks_gallery" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_gallery_path_idx" ON "payload"."_case_studies_v_blocks_gallery" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_stats_items_order_idx" ON "payload"."_case_studies_v_blocks_stats_items" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_stats_items_parent_id_idx" ON "payload"."_case_studies_v_blocks_stats_items" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_stats_order_idx" ON "payload"."_case_studies_v_blocks_stats" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_stats_parent_id_idx" ON "payload"."_case_studies_v_blocks_stats" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_stats_path_idx" ON "payload"."_case_studies_v_blocks_stats" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_quote_order_idx" ON "payload"."_case_studies_v_blocks_quote" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_quote_parent_id_idx" ON "payload"."_case_studies_v_blocks_quote" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_quote_path_idx" ON "payload"."_case_studies_v_blocks_quote" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_cta_links_order_idx" ON "payload"."_case_studies_v_blocks_cta_links" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_cta_links_parent_id_idx" ON "payload"."_case_studies_v_blocks_cta_links" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_cta_order_idx" ON "payload"."_case_studies_v_blocks_cta" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_cta_parent_id_idx" ON "payload"."_case_studies_v_blocks_cta" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_cta_path_idx" ON "payload"."_case_studies_v_blocks_cta" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_service_list_order_idx" ON "payload"."_case_studies_v_blocks_service_list" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_service_list_parent_id_idx" ON "payload"."_case_studies_v_blocks_service_list" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_service_list_path_idx" ON "payload"."_case_studies_v_blocks_service_list" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_case_study_list_order_idx" ON "payload"."_case_studies_v_blocks_case_study_list" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_case_study_list_parent_id_idx" ON "payload"."_case_studies_v_blocks_case_study_list" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_case_study_list_path_idx" ON "payload"."_case_studies_v_blocks_case_study_list" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_model3d_order_idx" ON "payload"."_case_studies_v_blocks_model3d" USING btree ("_order");
  CREATE INDEX "_case_studies_v_blocks_model3d_parent_id_idx" ON "payload"."_case_studies_v_blocks_model3d" USING btree ("_parent_id");
  CREATE INDEX "_case_studies_v_blocks_model3d_path_idx" ON "payload"."_case_studies_v_blocks_model3d" USING btree ("_path");
  CREATE INDEX "_case_studies_v_blocks_model3d_model_idx" ON "payload"."_case_studies_v_blocks_model3d" USING btree ("model_id");
  ALTER TABLE "payload"."case_studies_rels" ADD CONSTRAINT "case_studies_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "payload"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."case_studies_rels" ADD CONSTRAINT "case_studies_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_pages_fk" FOREIGN KEY ("pages_id") REFERENCES "payload"."pages"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload"."_case_studies_v_rels" ADD CONSTRAINT "_case_studies_v_rels_case_studies_fk" FOREIGN KEY ("case_studies_id") REFERENCES "payload"."case_studies"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "case_studies_rels_pages_id_idx" ON "payload"."case_studies_rels" USING btree ("pages_id");
  CREATE INDEX "case_studies_rels_case_studies_id_idx" ON "payload"."case_studies_rels" USING btree ("case_studies_id");
  CREATE INDEX "_case_studies_v_rels_pages_id_idx" ON "payload"."_case_studies_v_rels" USING btree ("pages_id");
  CREATE INDEX "_case_studies_v_rels_case_studies_id_idx" ON "payload"."_case_studies_v_rels" USING btree ("case_studies_id");`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "payload"."services_blocks_rich_text" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_image" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_gallery_images" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_gallery" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_stats_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_stats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_quote" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_cta_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_cta" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_service_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_case_study_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_blocks_model3d" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."services_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_rich_text" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_image" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_gallery_images" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_gallery" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_stats_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_stats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_quote" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_cta_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_cta" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_service_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_case_study_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_blocks_model3d" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_services_v_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_rich_text" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_image" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_gallery_images" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_gallery" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_stats_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_stats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_quote" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_cta_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_cta" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_service_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_case_study_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."case_studies_blocks_model3d" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_rich_text" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_image" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_gallery_images" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_gallery" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_stats_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_stats" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_quote" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_cta_links" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_cta" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_service_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_case_study_list" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload"."_case_studies_v_blocks_model3d" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "payload"."services_blocks_rich_text" CASCADE;
  DROP TABLE "payload"."services_blocks_image" CASCADE;
  DROP TABLE "payload"."services_blocks_gallery_images" CASCADE;
  DROP TABLE "payload"."services_blocks_gallery" CASCADE;
  DROP TABLE "payload"."services_blocks_stats_items" CASCADE;
  DROP TABLE "payload"."services_blocks_stats" CASCADE;
  DROP TABLE "payload"."services_blocks_quote" CASCADE;
  DROP TABLE "payload"."services_blocks_cta_links" CASCADE;
  DROP TABLE "payload"."services_blocks_cta" CASCADE;
  DROP TABLE "payload"."services_blocks_service_list" CASCADE;
  DROP TABLE "payload"."services_blocks_case_study_list" CASCADE;
  DROP TABLE "payload"."services_blocks_model3d" CASCADE;
  DROP TABLE "payload"."services_rels" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_rich_text" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_image" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_gallery_images" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_gallery" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_stats_items" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_stats" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_quote" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_cta_links" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_cta" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_service_list" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_case_study_list" CASCADE;
  DROP TABLE "payload"."_services_v_blocks_model3d" CASCADE;
  DROP TABLE "payload"."_services_v_rels" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_rich_text" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_image" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_gallery_images" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_gallery" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_stats_items" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_stats" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_quote" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_cta_links" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_cta" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_service_list" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_case_study_list" CASCADE;
  DROP TABLE "payload"."case_studies_blocks_model3d" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_rich_text" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_image" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_gallery_images" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_gallery" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_stats_items" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_stats" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_quote" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_cta_links" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_cta" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_service_list" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_case_study_list" CASCADE;
  DROP TABLE "payload"."_case_studies_v_blocks_model3d" CASCADE;
  ALTER TABLE "payload"."case_studies_rels" DROP CONSTRAINT "case_studies_rels_pages_fk";
  
  ALTER TABLE "payload"."case_studies_rels" DROP CONSTRAINT "case_studies_rels_case_studies_fk";
  
  ALTER TABLE "payload"."_case_studies_v_rels" DROP CONSTRAINT "_case_studies_v_rels_pages_fk";
  
  ALTER TABLE "payload"."_case_studies_v_rels" DROP CONSTRAINT "_case_studies_v_rels_case_studies_fk";
  
  DROP INDEX "payload"."case_studies_rels_pages_id_idx";
  DROP INDEX "payload"."case_studies_rels_case_studies_id_idx";
  DROP INDEX "payload"."_case_studies_v_rels_pages_id_idx";
  DROP INDEX "payload"."_case_studies_v_rels_case_studies_id_idx";
  ALTER TABLE "payload"."case_studies_rels" DROP COLUMN "pages_id";
  ALTER TABLE "payload"."case_studies_rels" DROP COLUMN "case_studies_id";
  ALTER TABLE "payload"."_case_studies_v_rels" DROP COLUMN "pages_id";
  ALTER TABLE "payload"."_case_studies_v_rels" DROP COLUMN "case_studies_id";
  DROP TYPE "payload"."enum_services_blocks_cta_links_link_type";
  DROP TYPE "payload"."enum_services_blocks_service_list_populate_by";
  DROP TYPE "payload"."enum_services_blocks_case_study_list_populate_by";
  DROP TYPE "payload"."enum__services_v_blocks_cta_links_link_type";
  DROP TYPE "payload"."enum__services_v_blocks_service_list_populate_by";
  DROP TYPE "payload"."enum__services_v_blocks_case_study_list_populate_by";
  DROP TYPE "payload"."enum_case_studies_blocks_cta_links_link_type";
  DROP TYPE "payload"."enum_case_studies_blocks_service_list_populate_by";
  DROP TYPE "payload"."enum_case_studies_blocks_case_study_list_populate_by";
  DROP TYPE "payload"."enum__case_studies_v_blocks_cta_links_link_type";
  DROP TYPE "payload"."enum__case_studies_v_blocks_service_list_populate_by";
  DROP TYPE "payload"."enum__case_studies_v_blocks_case_study_list_populate_by";`)
}
