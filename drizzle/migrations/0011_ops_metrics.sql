CREATE TABLE "app"."request_metrics" (
	"minute" timestamp with time zone NOT NULL,
	"route" text NOT NULL,
	"method" text NOT NULL,
	"status_class" smallint NOT NULL,
	"requests" integer NOT NULL,
	"db_failures" integer DEFAULT 0 NOT NULL,
	"latency_histogram" integer[] NOT NULL,
	CONSTRAINT "request_metrics_pkey" PRIMARY KEY("minute","route","method","status_class")
);
--> statement-breakpoint
CREATE TABLE "app"."web_vitals" (
	"day" date NOT NULL,
	"page_type" text NOT NULL,
	"metric" text NOT NULL,
	"samples" integer NOT NULL,
	"histogram" integer[] NOT NULL,
	CONSTRAINT "web_vitals_pkey" PRIMARY KEY("day","page_type","metric")
);
