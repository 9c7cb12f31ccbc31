-- SQLite: the audit log refuses every UPDATE, and a DELETE of an entry inside the kept period.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

CREATE TRIGGER audit_log_no_early_delete BEFORE DELETE ON audit_log
WHEN OLD.at >= (CAST(strftime('%s', 'now') AS INTEGER) - (SELECT keep_days FROM audit_policy WHERE id = 1) * 86400) * 1000
BEGIN
    SELECT RAISE(ABORT, 'audit_log entries are kept for the retention period');
END;
