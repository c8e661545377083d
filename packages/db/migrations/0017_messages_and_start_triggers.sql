-- Tokens waiting for a message, looked up by (name, key); and the message or
-- timer that starts a process, for its latest published version only.
CREATE TABLE "message_subscriptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"instance_id" uuid NOT NULL,
	"token_id" text NOT NULL,
	"step_id" text NOT NULL,
	"message_name" text NOT NULL,
	"correlation_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "message_subscriptions" ADD CONSTRAINT "message_subscriptions_instance_id_instances_id_fk" FOREIGN KEY ("instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_subscriptions_name_key_idx" ON "message_subscriptions" USING btree ("message_name","correlation_key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "message_subscriptions_token_step_idx" ON "message_subscriptions" USING btree ("instance_id","token_id","step_id");--> statement-breakpoint
CREATE TABLE "start_triggers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"process_key" text NOT NULL,
	"package_version_id" uuid NOT NULL,
	"type" text NOT NULL,
	"message_name" text,
	"timer" jsonb,
	"activated_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "start_triggers_type_check" CHECK (("start_triggers"."type" = 'message' AND "start_triggers"."message_name" IS NOT NULL) OR ("start_triggers"."type" = 'timer' AND "start_triggers"."timer" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "start_triggers" ADD CONSTRAINT "start_triggers_package_version_id_package_versions_id_fk" FOREIGN KEY ("package_version_id") REFERENCES "public"."package_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "start_triggers" ADD CONSTRAINT "start_triggers_activated_by_users_id_fk" FOREIGN KEY ("activated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "start_triggers_process_key_idx" ON "start_triggers" USING btree ("process_key");--> statement-breakpoint
CREATE INDEX "start_triggers_message_idx" ON "start_triggers" USING btree ("message_name");
