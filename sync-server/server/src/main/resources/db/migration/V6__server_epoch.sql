-- The epoch of this database: a random id, made when the server first opens it and replaced by
-- every restore from a backup (restore, mark-restored). Every push and pull answer carries it; a
-- laptop that sees it change knows the server lost what it answered after the backup, and sends
-- again what it sent lately (docs/sync.md, "After a restore from a backup").
CREATE TABLE server_epoch (
    id     INTEGER PRIMARY KEY,
    epoch  VARCHAR(36) NOT NULL
);
