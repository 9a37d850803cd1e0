ALTER TABLE "notification_deliveries" ADD COLUMN "crisis_id" uuid;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD COLUMN "payload" jsonb;