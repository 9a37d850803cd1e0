ALTER TABLE "sources" ADD COLUMN "last_error_code" text;--> statement-breakpoint
CREATE INDEX "mentions_source_collected_idx" ON "mentions" USING btree ("source_id","collected_at");