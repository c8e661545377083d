-- Version metadata set when a version is published (never updated: the
-- immutability trigger stays), and the lifecycle state that does change
-- (deprecated versions, archived processes) in tables of its own.
ALTER TABLE "package_versions" ADD COLUMN "label" text;--> statement-breakpoint
ALTER TABLE "package_versions" ADD COLUMN "release_note" text;--> statement-breakpoint
ALTER TABLE "package_versions" ADD COLUMN "origin" jsonb;--> statement-breakpoint
DROP INDEX "package_versions_key_hash_idx";--> statement-breakpoint
CREATE INDEX "package_versions_key_hash_idx" ON "package_versions" USING btree ("process_key","hash");--> statement-breakpoint
CREATE TABLE "version_deprecations" (
	"process_key" text NOT NULL,
	"version" integer NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"deprecated_by" uuid,
	"deprecated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "version_deprecations_process_key_version_pk" PRIMARY KEY("process_key","version")
);
--> statement-breakpoint
ALTER TABLE "version_deprecations" ADD CONSTRAINT "version_deprecations_deprecated_by_users_id_fk" FOREIGN KEY ("deprecated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "version_deprecations" ADD CONSTRAINT "version_deprecations_process_key_version_package_versions_process_key_version_fk" FOREIGN KEY ("process_key","version") REFERENCES "public"."package_versions"("process_key","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "process_archives" (
	"process_key" text PRIMARY KEY NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"archived_by" uuid,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "process_archives" ADD CONSTRAINT "process_archives_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A published version is not deleted either: instances, exports and rollbacks refer to it.
CREATE TRIGGER package_versions_not_deleted BEFORE DELETE ON package_versions
  FOR EACH ROW EXECUTE FUNCTION baton_refuse_package_update();
