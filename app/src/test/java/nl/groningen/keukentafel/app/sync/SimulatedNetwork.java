package nl.groningen.keukentafel.app.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.sync.PushRequest;

/**
 * Push requests still travelling: ones held up on the way (the laptop gave up waiting; the server
 * has not seen them yet) and copies of ones already delivered that may arrive again (a proxy's
 * retry). Either can reach the server at any later step, after newer requests: that is the
 * reordering. Whatever arrives late gets no listener for its answer.
 */
final class SimulatedNetwork {

    private static final int STALE_KEPT = 16;

    /** A push on its way: whose laptop sent it, and what. */
    record InFlight(String laptop, UUID coachId, PushRequest request) {
    }

    private final List<InFlight> delayed = new ArrayList<>();
    private final List<InFlight> delivered = new ArrayList<>();

    void delay(InFlight push) {
        delayed.add(push);
    }

    void delivered(InFlight push) {
        delivered.add(push);
        if (delivered.size() > STALE_KEPT) {
            delivered.remove(0);
        }
    }

    boolean isEmpty() {
        return delayed.isEmpty() && delivered.isEmpty();
    }

    /** One request arrives late: a held-up one, or a stale copy of one delivered before. Returns what arrived, or null. */
    InFlight deliverOne(Chaos chaos, SimulatedServer server) {
        boolean late = !delayed.isEmpty() && (delivered.isEmpty() || chaos.chance(0.6));
        if (!late && delivered.isEmpty()) {
            return null;
        }
        InFlight push = late ? delayed.remove(chaos.nextInt(delayed.size())) : chaos.pick(delivered);
        server.push(push.coachId(), push.request().cursor(), push.request().changes());
        if (late) {
            delivered(push);
        }
        return push;
    }

    /** Every held-up request arrives now (the network heals), in the order they were sent. */
    int flush(SimulatedServer server) {
        int count = delayed.size();
        for (InFlight push : delayed) {
            server.push(push.coachId(), push.request().cursor(), push.request().changes());
        }
        delayed.clear();
        return count;
    }
}
