-- Coaches, their residents and the residents' records, as the wire contract has them.
-- Portable SQL: the same migration runs on SQLite and PostgreSQL.
-- Record bodies are the contract's JSON; the sync protocol adds its sequence in a later migration.

CREATE TABLE coach (
    id      VARCHAR(36) PRIMARY KEY,
    name    TEXT NOT NULL,
    area    TEXT NOT NULL
);

CREATE TABLE resident (
    id             VARCHAR(36) PRIMARY KEY,
    coach_id       VARCHAR(36) REFERENCES coach (id),
    client_number  VARCHAR(32) NOT NULL UNIQUE,
    body           TEXT NOT NULL
);

CREATE INDEX resident_by_coach ON resident (coach_id);

CREATE TABLE resident_record (
    id           VARCHAR(36) PRIMARY KEY,
    kind         VARCHAR(32) NOT NULL,
    resident_id  VARCHAR(36) NOT NULL REFERENCES resident (id),
    body         TEXT NOT NULL
);

CREATE INDEX resident_record_by_resident ON resident_record (resident_id, kind);
