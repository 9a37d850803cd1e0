-- The event log is append-only: UPDATE, DELETE and TRUNCATE are refused for everyone,
-- and privileges are revoked from PUBLIC. Tampering that bypasses this (a superuser
-- disabling triggers) still shows, because every row carries a hash chain.
CREATE FUNCTION firebreak_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION firebreak_events_append_only();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
  FOR EACH STATEMENT EXECUTE FUNCTION firebreak_events_append_only();
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON events FROM PUBLIC;
