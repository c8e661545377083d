CREATE TABLE "process_publishers" (
	"process_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "process_publishers_process_key_user_id_pk" PRIMARY KEY("process_key","user_id")
);
--> statement-breakpoint
ALTER TABLE "process_publishers" ADD CONSTRAINT "process_publishers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "process_publishers" ADD CONSTRAINT "process_publishers_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
