-- Who pulls each logged change: the coach the resident was assigned to when it was logged.
-- A resident who moves to another coach is logged again (every record) for the new coach, and a
-- marker for the old one; so a pull is a range scan of one coach's entries, and no laptop ever
-- receives a resident it is not (or no longer) assigned.
ALTER TABLE change_log ADD COLUMN coach_id VARCHAR(36);

UPDATE change_log SET coach_id = (SELECT r.coach_id FROM resident r WHERE r.id = change_log.resident_id);

CREATE INDEX change_log_by_coach ON change_log (coach_id, seq);

-- Every move of a resident between coaches. A laptop that pushes with a cursor below the move's
-- sequence had not heard of the move yet: its changes to that resident are still taken.
CREATE TABLE resident_move (
    seq         BIGINT PRIMARY KEY,
    resident_id VARCHAR(36) NOT NULL REFERENCES resident (id),
    from_coach  VARCHAR(36) REFERENCES coach (id),
    to_coach    VARCHAR(36) NOT NULL REFERENCES coach (id),
    moved_at    BIGINT NOT NULL
);

CREATE INDEX resident_move_by_resident ON resident_move (resident_id, from_coach);
