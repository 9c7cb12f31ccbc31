-- PostgreSQL: the audit log refuses every UPDATE and TRUNCATE, and a DELETE of an entry inside the kept period.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR TG_OP = 'TRUNCATE' THEN
        RAISE EXCEPTION 'audit_log is append-only';
    END IF;
    IF OLD.at >= (EXTRACT(EPOCH FROM now()) * 1000)::BIGINT
            - (SELECT keep_days FROM audit_policy WHERE id = 1)::BIGINT * 86400000 THEN
        RAISE EXCEPTION 'audit_log entries are kept for the retention period';
    END IF;
    RETURN OLD;
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();

CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
