-- The coach's caseload. Later migrations add the other records (conversations, agreements, ...).
CREATE TABLE resident (
    id                   TEXT PRIMARY KEY,
    coach_id             TEXT NOT NULL,
    client_number        TEXT NOT NULL UNIQUE,
    given_name           TEXT NOT NULL,
    surname_prefix       TEXT,
    surname              TEXT NOT NULL,
    street               TEXT NOT NULL,
    house_number         TEXT NOT NULL,
    postcode             TEXT NOT NULL,
    wijk                 TEXT NOT NULL,
    date_of_birth        TEXT,
    phone                TEXT,
    known_at_wij         INTEGER NOT NULL DEFAULT 0,
    specialist_team      INTEGER NOT NULL DEFAULT 0,
    contact_term_months  INTEGER NOT NULL,
    initiative           TEXT NOT NULL,
    outreach_status      TEXT NOT NULL,
    next_contact_due     TEXT
);
