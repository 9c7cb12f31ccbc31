-- Encrypted at rest: resident details and every record body are sealed with AES-256-GCM under the
-- coach's data key (see docs/privacy.md). Only ids, the record kind and the link to the resident
-- stay readable; no name, address or note does. The plaintext caseload of V1 is dropped (no
-- laptop carried it: it existed only in development builds).
DROP TABLE resident;

CREATE TABLE keyring (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    kdf          TEXT NOT NULL,
    iterations   INTEGER NOT NULL,
    salt         BLOB NOT NULL,
    wrapped_key  BLOB NOT NULL
);

CREATE TABLE resident (
    id      TEXT PRIMARY KEY,
    sealed  BLOB NOT NULL
);

CREATE TABLE record (
    id           TEXT PRIMARY KEY,
    resident_id  TEXT NOT NULL REFERENCES resident (id) ON DELETE CASCADE,
    kind         TEXT NOT NULL,
    sealed       BLOB NOT NULL
);

CREATE INDEX record_by_resident ON record (resident_id);

-- Reference data (life domains, partners, provisions, the sociale kaart): public, not sealed.
CREATE TABLE reference (
    kind  TEXT NOT NULL,
    id    TEXT NOT NULL,
    body  TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
