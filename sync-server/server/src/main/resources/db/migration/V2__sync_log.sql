-- The sync log: every accepted change gets the next number of one counter. Taking the number
-- locks the counter row until the transaction ends, so changes commit in sequence order and a
-- laptop pulling "after N" can never skip a change that commits later with a lower number.
CREATE TABLE sync_counter (
    id     INTEGER PRIMARY KEY,
    value  BIGINT NOT NULL
);

INSERT INTO sync_counter (id, value) VALUES (1, 0);

CREATE TABLE change_log (
    seq          BIGINT PRIMARY KEY,
    change_id    VARCHAR(36) NOT NULL UNIQUE,
    kind         VARCHAR(32) NOT NULL,
    record_id    VARCHAR(36) NOT NULL,
    resident_id  VARCHAR(36) NOT NULL,
    deleted      BOOLEAN NOT NULL,
    body         TEXT
);

CREATE INDEX change_log_by_resident ON change_log (resident_id, seq);

-- The answer given to each pushed change, so a replay gets the same answer.
CREATE TABLE change_result (
    change_id  VARCHAR(36) PRIMARY KEY,
    status     VARCHAR(16) NOT NULL,
    seq        BIGINT,
    reason     VARCHAR(64)
);
