ALTER TABLE "statement_comments" ADD COLUMN "prefix" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_comments" ADD COLUMN "suffix" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_comments" ADD COLUMN "parent_id" uuid;--> statement-breakpoint
ALTER TABLE "statement_comments" ADD COLUMN "resolved_by" uuid;--> statement-breakpoint
ALTER TABLE "statement_comments" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "statement_variants" ADD COLUMN "base_hash" text;--> statement-breakpoint
ALTER TABLE "statement_comments" ADD CONSTRAINT "statement_comments_parent_id_statement_comments_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."statement_comments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statement_comments" ADD CONSTRAINT "statement_comments_resolved_by_users_id_fk" FOREIGN KEY ("resolved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;