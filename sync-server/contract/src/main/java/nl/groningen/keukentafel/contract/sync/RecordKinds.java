package nl.groningen.keukentafel.contract.sync;

import java.util.Set;

/** The kinds of record that travel between laptop and server. */
public final class RecordKinds {

    public static final String RESIDENT = "resident";
    public static final String CONVERSATION = "conversation";

    public static final Set<String> ALL = Set.of(RESIDENT, "contact_attempt", "appointment", CONVERSATION, "agreement",
            "referral", "development_plan");

    private RecordKinds() {
    }
}
