CREATE TABLE "assignment_cursors" (
	"process_key" text NOT NULL,
	"step_id" text NOT NULL,
	"group_id" uuid NOT NULL,
	"last_username" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_cursors_process_key_step_id_group_id_pk" PRIMARY KEY("process_key","step_id","group_id")
);
--> statement-breakpoint
ALTER TABLE "assignment_cursors" ADD CONSTRAINT "assignment_cursors_group_id_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."groups"("id") ON DELETE cascade ON UPDATE no action;