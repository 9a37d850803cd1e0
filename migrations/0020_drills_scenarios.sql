CREATE TABLE "drill_actions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"drill_id" uuid NOT NULL,
	"title" text NOT NULL,
	"assignee_id" uuid,
	"due_on" date,
	"done_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"drill_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"capability" text NOT NULL,
	"score" integer,
	"note" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drill_participants" (
	"drill_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"sandbox_user_id" uuid NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "drill_participants_drill_id_user_id_pk" PRIMARY KEY("drill_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "drill_reports" (
	"drill_id" uuid PRIMARY KEY NOT NULL,
	"report" jsonb NOT NULL,
	"went_well" text DEFAULT '' NOT NULL,
	"to_improve" text DEFAULT '' NOT NULL,
	"pdf" "bytea",
	"pdf_sha256" text,
	"generated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "drills" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"sandbox_org_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"title" text NOT NULL,
	"scenario_id" text NOT NULL,
	"facilitator_id" uuid NOT NULL,
	"status" text DEFAULT 'ready' NOT NULL,
	"created_by" uuid NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_injects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"at_ms" bigint NOT NULL,
	"kind" text NOT NULL,
	"sender" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"respond_by" text,
	"surprise" boolean DEFAULT false NOT NULL,
	"delivered_at" timestamp with time zone,
	"released_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scenario_runs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"scenario_id" text NOT NULL,
	"scenario" jsonb NOT NULL,
	"locale" text NOT NULL,
	"seed" integer NOT NULL,
	"status" text DEFAULT 'ready' NOT NULL,
	"speed" integer DEFAULT 1 NOT NULL,
	"position_ms" bigint DEFAULT 0 NOT NULL,
	"anchored_at" timestamp with time zone,
	"generated_minutes" integer DEFAULT 0 NOT NULL,
	"mentions_ingested" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"ended_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "users_email_uq";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "kind" text DEFAULT 'live' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "sandbox_of" uuid;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "acting_user_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sandbox_of" uuid;--> statement-breakpoint
ALTER TABLE "drill_actions" ADD CONSTRAINT "drill_actions_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_observations" ADD CONSTRAINT "drill_observations_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_participants" ADD CONSTRAINT "drill_participants_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drill_reports" ADD CONSTRAINT "drill_reports_drill_id_drills_id_fk" FOREIGN KEY ("drill_id") REFERENCES "public"."drills"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "drills" ADD CONSTRAINT "drills_run_id_scenario_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scenario_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scenario_injects" ADD CONSTRAINT "scenario_injects_run_id_scenario_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."scenario_runs"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "drill_actions_drill_idx" ON "drill_actions" USING btree ("drill_id");--> statement-breakpoint
CREATE INDEX "drill_observations_drill_idx" ON "drill_observations" USING btree ("drill_id");--> statement-breakpoint
CREATE INDEX "drill_participants_user_idx" ON "drill_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "drills_org_idx" ON "drills" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "scenario_injects_run_idx" ON "scenario_injects" USING btree ("run_id","at_ms");--> statement-breakpoint
CREATE INDEX "scenario_runs_org_idx" ON "scenario_runs" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "scenario_runs_status_idx" ON "scenario_runs" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_uq" ON "users" USING btree ("email") WHERE sandbox_of IS NULL;