CREATE TABLE "crises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"type" text NOT NULL,
	"summary" text,
	"severity" text NOT NULL,
	"status" text DEFAULT 'declared' NOT NULL,
	"declared_at" timestamp with time zone NOT NULL,
	"declared_by" uuid,
	"declared_by_label" text NOT NULL,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_alerts" (
	"alert_id" uuid PRIMARY KEY NOT NULL,
	"crisis_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_decisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"crisis_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"decision" text NOT NULL,
	"options" text,
	"rationale" text,
	"decided_by" uuid,
	"decided_by_label" text NOT NULL,
	"decided_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_members" (
	"crisis_id" uuid NOT NULL,
	"role" text NOT NULL,
	"user_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crisis_members_crisis_id_role_pk" PRIMARY KEY("crisis_id","role")
);
--> statement-breakpoint
CREATE TABLE "crisis_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"crisis_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"detail" text,
	"role" text,
	"assignee_id" uuid,
	"status" text DEFAULT 'todo' NOT NULL,
	"blocked_reason" text,
	"due_at" timestamp with time zone,
	"done_at" timestamp with time zone,
	"playbook_key" text,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_topics" (
	"crisis_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	CONSTRAINT "crisis_topics_crisis_id_topic_id_pk" PRIMARY KEY("crisis_id","topic_id")
);
--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crises" ADD CONSTRAINT "crises_declared_by_users_id_fk" FOREIGN KEY ("declared_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_alerts" ADD CONSTRAINT "crisis_alerts_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD CONSTRAINT "crisis_decisions_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD CONSTRAINT "crisis_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_members" ADD CONSTRAINT "crisis_members_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_members" ADD CONSTRAINT "crisis_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_tasks" ADD CONSTRAINT "crisis_tasks_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_tasks" ADD CONSTRAINT "crisis_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_topics" ADD CONSTRAINT "crisis_topics_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_topics" ADD CONSTRAINT "crisis_topics_topic_id_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."topics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crises_org_number_uq" ON "crises" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "crises_org_declared_idx" ON "crises" USING btree ("org_id","declared_at");--> statement-breakpoint
CREATE INDEX "crisis_alerts_crisis_idx" ON "crisis_alerts" USING btree ("crisis_id");--> statement-breakpoint
CREATE INDEX "crisis_decisions_crisis_idx" ON "crisis_decisions" USING btree ("crisis_id","decided_at");--> statement-breakpoint
CREATE INDEX "crisis_members_user_idx" ON "crisis_members" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "crisis_tasks_crisis_idx" ON "crisis_tasks" USING btree ("crisis_id","due_at");