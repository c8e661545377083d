CREATE TABLE "start_drafts" (
	"user_id" uuid NOT NULL,
	"process_key" text NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "start_drafts_user_id_process_key_pk" PRIMARY KEY("user_id","process_key")
);
--> statement-breakpoint
ALTER TABLE "start_drafts" ADD CONSTRAINT "start_drafts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;