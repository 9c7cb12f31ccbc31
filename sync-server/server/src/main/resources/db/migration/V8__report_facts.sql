-- The report's projection (docs/reports.md, "The projection"): the few fields of each resident and
-- record that the council's figures count, in plain columns, so a report reads narrow rows instead
-- of parsing every body. Written by ReportFacts in the transaction that writes the body; a store
-- migrated from before this version is filled from the bodies when the server opens it.
-- Codes, dates (yyyy-MM-dd, as in the bodies), numbers and flags (1 or 0) only: no names, no free text.
-- A record's facts go with the record (ON DELETE CASCADE), so none outlives its body.

CREATE TABLE resident_fact (
    resident_id       VARCHAR(36) PRIMARY KEY REFERENCES resident (id),
    wijk              TEXT,
    outreach_status   VARCHAR(32),
    specialist_team   INTEGER NOT NULL,
    next_contact_due  VARCHAR(10)
);

CREATE INDEX resident_fact_by_wijk ON resident_fact (wijk);

CREATE TABLE conversation_fact (
    id                    VARCHAR(36) PRIMARY KEY REFERENCES resident_record (id) ON DELETE CASCADE,
    resident_id           VARCHAR(36) NOT NULL,
    status                VARCHAR(32),
    corrects              VARCHAR(36),
    held_on               VARCHAR(10),
    follow_up             INTEGER NOT NULL,
    outcome               VARCHAR(64),
    place                 VARCHAR(32),
    duration_minutes      INTEGER,
    conversation_rating   INTEGER,
    contact_value_rating  INTEGER,
    has_own_goals         INTEGER NOT NULL,
    benefit_review        INTEGER NOT NULL,
    fraud_signal          INTEGER NOT NULL,
    care_signal           INTEGER NOT NULL
);

CREATE INDEX conversation_fact_by_resident ON conversation_fact (resident_id);
CREATE INDEX conversation_fact_by_corrects ON conversation_fact (corrects);

CREATE TABLE contact_attempt_fact (
    id            VARCHAR(36) PRIMARY KEY REFERENCES resident_record (id) ON DELETE CASCADE,
    resident_id   VARCHAR(36) NOT NULL,
    channel       VARCHAR(32),
    attempted_on  VARCHAR(10)
);

CREATE INDEX contact_attempt_fact_by_resident ON contact_attempt_fact (resident_id);

CREATE TABLE referral_fact (
    id           VARCHAR(36) PRIMARY KEY REFERENCES resident_record (id) ON DELETE CASCADE,
    resident_id  VARCHAR(36) NOT NULL,
    partner      VARCHAR(64),
    status       VARCHAR(32),
    referred_on  VARCHAR(10),
    check_on     VARCHAR(10)
);

CREATE INDEX referral_fact_by_resident ON referral_fact (resident_id);

CREATE TABLE agreement_fact (
    id           VARCHAR(36) PRIMARY KEY REFERENCES resident_record (id) ON DELETE CASCADE,
    resident_id  VARCHAR(36) NOT NULL,
    owner        VARCHAR(32),
    status       VARCHAR(32),
    due_date     VARCHAR(10)
);

CREATE INDEX agreement_fact_by_resident ON agreement_fact (resident_id);

CREATE TABLE development_plan_fact (
    id           VARCHAR(36) PRIMARY KEY REFERENCES resident_record (id) ON DELETE CASCADE,
    resident_id  VARCHAR(36) NOT NULL,
    goal_count   INTEGER NOT NULL
);

CREATE INDEX development_plan_fact_by_resident ON development_plan_fact (resident_id);
