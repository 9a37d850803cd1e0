CREATE TABLE "mention_keys" (
	"org_id" uuid NOT NULL,
	"key" integer NOT NULL,
	"mention_id" bigint NOT NULL,
	"simhash" bigint NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "mentions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"external_key" text NOT NULL,
	"url" text,
	"author" text,
	"author_followers" integer,
	"title" text,
	"text" text NOT NULL,
	"lang" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"collected_at" timestamp with time zone NOT NULL,
	"likes" integer,
	"shares" integer,
	"comments" integer,
	"views" bigint,
	"reach" bigint NOT NULL,
	"text_hash" text NOT NULL,
	"simhash" bigint NOT NULL,
	"cluster_id" bigint,
	"sentiment" smallint NOT NULL,
	"sentiment_score" real NOT NULL,
	"sentiment_confidence" real NOT NULL,
	"sentiment_corrected" boolean DEFAULT false NOT NULL,
	"topic_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"search" "tsvector" NOT NULL,
	"raw" jsonb
);
--> statement-breakpoint
CREATE TABLE "sentiment_corrections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"mention_id" bigint NOT NULL,
	"text" text NOT NULL,
	"sentiment" text NOT NULL,
	"corrected_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"last_error" text,
	"last_error_at" timestamp with time zone,
	"consecutive_failures" integer DEFAULT 0 NOT NULL,
	"items_total" bigint DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"query" text NOT NULL,
	"description" text,
	"archived" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sentiment_corrections" ADD CONSTRAINT "sentiment_corrections_corrected_by_users_id_fk" FOREIGN KEY ("corrected_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sources" ADD CONSTRAINT "sources_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "topics" ADD CONSTRAINT "topics_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mention_keys_lookup_idx" ON "mention_keys" USING btree ("org_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "mentions_source_key_uq" ON "mentions" USING btree ("source_id","external_key");--> statement-breakpoint
CREATE INDEX "mentions_org_published_idx" ON "mentions" USING btree ("org_id","published_at");--> statement-breakpoint
CREATE INDEX "mentions_search_idx" ON "mentions" USING gin ("search");--> statement-breakpoint
CREATE INDEX "mentions_topics_idx" ON "mentions" USING gin ("topic_ids");--> statement-breakpoint
CREATE INDEX "mentions_cluster_idx" ON "mentions" USING btree ("cluster_id");--> statement-breakpoint
CREATE INDEX "sentiment_corrections_org_idx" ON "sentiment_corrections" USING btree ("org_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sources_org_name_uq" ON "sources" USING btree ("org_id","name");--> statement-breakpoint
CREATE INDEX "topics_org_idx" ON "topics" USING btree ("org_id");