-- A published package version is immutable: refuse UPDATE at the database,
-- so no code path (API, CLI or SQL) can change what running work relies on.
CREATE OR REPLACE FUNCTION baton_refuse_package_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'package version % of % is published and cannot be changed', OLD.version, OLD.process_key;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER package_versions_immutable BEFORE UPDATE ON package_versions
  FOR EACH ROW EXECUTE FUNCTION baton_refuse_package_update();
