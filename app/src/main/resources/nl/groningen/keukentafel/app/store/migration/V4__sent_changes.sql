-- Changes the server answered, kept for a while (LocalStore.SENT_KEPT) instead of deleted: should
-- the server be restored from a backup taken before it took them, the laptop sends them again
-- (docs/sync.md, "After a restore from a backup"). A row is the outbox entry as it was, sealed as
-- it was (never plaintext), with its place in the outbox, so a re-send keeps the original order,
-- and the pull cursor it was first pushed with, so the restored server judges it as it was judged
-- then (a change to a resident who moved to another coach after that cursor is still taken).
ALTER TABLE outbox ADD COLUMN first_cursor INTEGER;

CREATE TABLE sent_change (
    position     INTEGER PRIMARY KEY,
    change_id    TEXT NOT NULL UNIQUE,
    kind         TEXT NOT NULL,
    record_id    TEXT NOT NULL,
    resident_id  TEXT NOT NULL,
    deleted      INTEGER NOT NULL,
    sealed       BLOB NOT NULL,
    first_cursor INTEGER,
    answered_at  INTEGER NOT NULL
);

CREATE INDEX sent_change_by_answer ON sent_change (answered_at);
