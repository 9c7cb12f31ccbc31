-- Erasure (AVG art. 17) and retention. An erased resident leaves only this tombstone, the audit
-- entries about them, and a resident_erased marker in change_log for every coach whose laptops
-- held them. The reference is the municipality's own (a case number), never a story about the resident.
CREATE TABLE resident_erasure (
    resident_id  VARCHAR(36) PRIMARY KEY,
    erased_at    BIGINT NOT NULL,
    reason       VARCHAR(32) NOT NULL,
    reference    VARCHAR(64)
);

-- The day the resident left the group (benefit ended, moved out of the municipality), from the
-- caseload import's optional column left_group_on; the retention job erases them a configured
-- number of months later (retention.left.months).
ALTER TABLE resident ADD COLUMN left_group_on VARCHAR(10);
