-- Users (coach, office, admin), one-time enrolment codes, and enrolled devices with their tokens.
-- Secrets are stored only as hashes: passwords with PBKDF2, codes and device tokens with SHA-256.
-- Failed logins are counted here, not in memory, so a second server instance sees the same count.
CREATE TABLE app_user (
    id             VARCHAR(36) PRIMARY KEY,
    user_name      VARCHAR(64) NOT NULL UNIQUE,
    role           VARCHAR(16) NOT NULL,
    coach_id       VARCHAR(36) REFERENCES coach (id),
    password_hash  TEXT NOT NULL,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    locked_until   BIGINT
);

CREATE TABLE enrolment_code (
    code_hash   VARCHAR(64) PRIMARY KEY,
    user_id     VARCHAR(36) NOT NULL REFERENCES app_user (id),
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT
);

CREATE TABLE device (
    id            VARCHAR(36) PRIMARY KEY,
    user_id       VARCHAR(36) NOT NULL REFERENCES app_user (id),
    name          TEXT NOT NULL,
    token_hash    VARCHAR(64) NOT NULL UNIQUE,
    enrolled_at   BIGINT NOT NULL,
    revoked_at    BIGINT,
    last_seen_at  BIGINT
);
