package nl.groningen.keukentafel.server.domain;

import java.util.UUID;

/**
 * Which residents a device's push reaches: a coach's own caseload, and a resident who moved away
 * from the coach after the laptop's pull cursor (the laptop could not know yet, so what it changed
 * for them before is still taken); for the office and admins (no coach), every resident.
 *
 * @param coachId the coach whose caseload it is; null for the office and admins
 * @param cursor  the laptop's pull cursor: the last sequence number it has pulled
 */
public record SyncScope(UUID coachId, long cursor) {

    /** Whether a change to this resident (null: no such resident) is in scope. */
    public boolean covers(StoredResident resident) {
        if (resident == null) {
            return false;
        }
        if (coachId == null) {
            return true;
        }
        return isOwn(resident.coachId()) || resident.moves().stream()
                .anyMatch(move -> isOwn(move.fromCoach()) && move.seq() > cursor);
    }

    /**
     * Whether {@link #covers} needs the resident's moves: only in a coach's scope, for a resident
     * assigned to someone else (or no one). Storage reads them for those residents only.
     */
    public boolean needsMoves(String assignedCoach) {
        return coachId != null && !isOwn(assignedCoach);
    }

    private boolean isOwn(String coach) {
        return coachId.toString().equals(coach);
    }
}
