-- Sync. Every change the coach makes goes into the outbox in the same transaction as the change
-- itself; the outbox entry is sealed like the records (its body and the base the change was made
-- from). An entry is sent at most once per change id; until the server answers it stays.
CREATE TABLE outbox (
    position     INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id    TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    resident_id  TEXT NOT NULL,
    deleted      INTEGER NOT NULL,
    sealed       BLOB NOT NULL,
    sent         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX outbox_by_record ON outbox (record_id);
CREATE INDEX outbox_by_resident ON outbox (resident_id);

-- What the laptop knows of the server: its address, the pull cursor, the last good sync. The device
-- token is sealed under the coach's key (so a copied file cannot sync as this laptop).
CREATE TABLE sync_state (
    key    TEXT PRIMARY KEY,
    value  TEXT,
    sealed BLOB
);

-- Changes the server refused, with its reason: kept so the coach (and support) can see them.
CREATE TABLE sync_refusal (
    change_id    TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    resident_id  TEXT NOT NULL,
    reason       TEXT NOT NULL,
    refused_at   TEXT NOT NULL
);
