-- The audit log: one entry each time a resident's data was read or changed (pulled, pushed, viewed,
-- exported, imported, moved, erased), by which user and device. It names the resident by id only.
-- Append-only: the store itself refuses an UPDATE, and a DELETE of an entry younger than the period
-- in audit_policy (the triggers of V10, one per store). The server's only delete is the expiry of
-- entries older than that period (storage/AuditLog.expire).
CREATE TABLE audit_log (
    at           BIGINT NOT NULL,
    resident_id  VARCHAR(36) NOT NULL,
    action       VARCHAR(16) NOT NULL,
    user_id      VARCHAR(36),
    device_id    VARCHAR(36)
);

CREATE INDEX audit_log_by_resident ON audit_log (resident_id, at);
CREATE INDEX audit_log_by_time ON audit_log (at);

-- How long audit entries are kept, set from the server's configuration at every start; never under a year.
CREATE TABLE audit_policy (
    id         INTEGER PRIMARY KEY,
    keep_days  INTEGER NOT NULL CHECK (keep_days >= 365)
);

INSERT INTO audit_policy (id, keep_days) VALUES (1, 1826);
