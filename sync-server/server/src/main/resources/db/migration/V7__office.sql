-- The office API: what a laptop reports at its sync (for the office's device list), and office sessions.
-- last_sync_at is the last push or pull; last_seen_at stays the last request of any kind.
ALTER TABLE device ADD COLUMN last_sync_at BIGINT;
ALTER TABLE device ADD COLUMN app_version VARCHAR(32);
ALTER TABLE device ADD COLUMN waiting_changes INTEGER;

-- An office session: opened with the user's password on an enrolled office device, lapses when unused
-- (expires_at moves on with each request) and dies with its device's token. Only the token's hash is kept.
CREATE TABLE office_session (
    token_hash  VARCHAR(64) PRIMARY KEY,
    device_id   VARCHAR(36) NOT NULL REFERENCES device (id),
    expires_at  BIGINT NOT NULL
);

CREATE INDEX office_session_by_device ON office_session (device_id);
