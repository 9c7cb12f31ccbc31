package nl.groningen.keukentafel.app.domain;

import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Resident;

/** One resident read back from the store as it is now: after a sync or a resolved conflict changed them. */
public interface CurrentResidents {

    /** A resident and their records as stored now; empty when the resident is no longer on this laptop. */
    Optional<ResidentNow> residentNow(UUID residentId);

    /** One resident with their records, read together. */
    record ResidentNow(Resident resident, ResidentRecords records) {
    }
}
