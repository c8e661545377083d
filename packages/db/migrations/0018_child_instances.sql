ALTER TABLE "instances" ADD COLUMN "parent_instance_id" uuid;--> statement-breakpoint
ALTER TABLE "instances" ADD COLUMN "parent_token_id" text;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_parent_instance_id_instances_id_fk" FOREIGN KEY ("parent_instance_id") REFERENCES "public"."instances"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instances" ADD CONSTRAINT "instances_parent_token_check" CHECK (("parent_instance_id" IS NULL) = ("parent_token_id" IS NULL));--> statement-breakpoint
CREATE INDEX "instances_parent_idx" ON "instances" USING btree ("parent_instance_id","parent_token_id");
