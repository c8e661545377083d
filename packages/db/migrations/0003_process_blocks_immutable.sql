-- A saved block version is immutable, like a published package version:
-- processes record which version they were built from, so it must not change.
CREATE OR REPLACE FUNCTION baton_refuse_block_update() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'version % of block % is saved and cannot be changed; save a new version instead', OLD.version, OLD.key;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER process_blocks_immutable BEFORE UPDATE ON process_blocks
  FOR EACH ROW EXECUTE FUNCTION baton_refuse_block_update();
