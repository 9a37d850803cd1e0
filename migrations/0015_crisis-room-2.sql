CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"storage_key" text NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"size" bigint NOT NULL,
	"display_name" text,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_playbooks" (
	"org_id" uuid NOT NULL,
	"type" text NOT NULL,
	"severity" text NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crisis_playbooks_org_id_type_severity_pk" PRIMARY KEY("org_id","type","severity")
);
--> statement-breakpoint
CREATE TABLE "crisis_report_files" (
	"report_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "crisis_report_files_report_id_file_id_pk" PRIMARY KEY("report_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "crisis_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"reporter_id" uuid NOT NULL,
	"anonymous" boolean DEFAULT false NOT NULL,
	"what" text NOT NULL,
	"links" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"where_seen" text,
	"urgency" text NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"close_reason" text,
	"crisis_id" uuid,
	"triaged_by" uuid,
	"triaged_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"roles" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_sitreps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"crisis_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"body" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_by_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_task_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"crisis_id" uuid NOT NULL,
	"author_id" uuid,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"mentions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crisis_timeline_stars" (
	"crisis_id" uuid NOT NULL,
	"event_id" bigint NOT NULL,
	"starred_by" uuid,
	"starred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "crisis_timeline_stars_crisis_id_event_id_pk" PRIMARY KEY("crisis_id","event_id")
);
--> statement-breakpoint
CREATE TABLE "grading_matrices" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"body" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crises" ADD COLUMN "next_sitrep_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD COLUMN "signoff_status" text;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD COLUMN "signoff_from" uuid;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD COLUMN "signoff_by" uuid;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD COLUMN "signoff_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD COLUMN "signoff_note" text;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "crisis_tasks" ADD COLUMN "checklist" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "crisis_tasks" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "crisis_playbooks" ADD CONSTRAINT "crisis_playbooks_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_playbooks" ADD CONSTRAINT "crisis_playbooks_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_report_files" ADD CONSTRAINT "crisis_report_files_report_id_crisis_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."crisis_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_report_files" ADD CONSTRAINT "crisis_report_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_reports" ADD CONSTRAINT "crisis_reports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_reports" ADD CONSTRAINT "crisis_reports_reporter_id_users_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_reports" ADD CONSTRAINT "crisis_reports_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_reports" ADD CONSTRAINT "crisis_reports_triaged_by_users_id_fk" FOREIGN KEY ("triaged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_settings" ADD CONSTRAINT "crisis_settings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_settings" ADD CONSTRAINT "crisis_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_sitreps" ADD CONSTRAINT "crisis_sitreps_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_sitreps" ADD CONSTRAINT "crisis_sitreps_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_task_comments" ADD CONSTRAINT "crisis_task_comments_task_id_crisis_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."crisis_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_task_comments" ADD CONSTRAINT "crisis_task_comments_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_task_comments" ADD CONSTRAINT "crisis_task_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_timeline_stars" ADD CONSTRAINT "crisis_timeline_stars_crisis_id_crises_id_fk" FOREIGN KEY ("crisis_id") REFERENCES "public"."crises"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_timeline_stars" ADD CONSTRAINT "crisis_timeline_stars_starred_by_users_id_fk" FOREIGN KEY ("starred_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_matrices" ADD CONSTRAINT "grading_matrices_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_matrices" ADD CONSTRAINT "grading_matrices_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_org_idx" ON "files" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crisis_reports_org_number_uq" ON "crisis_reports" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "crisis_reports_org_status_idx" ON "crisis_reports" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "crisis_reports_reporter_idx" ON "crisis_reports" USING btree ("reporter_id","created_at");--> statement-breakpoint
CREATE INDEX "crisis_reports_crisis_idx" ON "crisis_reports" USING btree ("crisis_id");--> statement-breakpoint
CREATE INDEX "crisis_sitreps_crisis_idx" ON "crisis_sitreps" USING btree ("crisis_id","created_at");--> statement-breakpoint
CREATE INDEX "crisis_task_comments_task_idx" ON "crisis_task_comments" USING btree ("task_id","created_at");--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD CONSTRAINT "crisis_decisions_signoff_from_users_id_fk" FOREIGN KEY ("signoff_from") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crisis_decisions" ADD CONSTRAINT "crisis_decisions_signoff_by_users_id_fk" FOREIGN KEY ("signoff_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;