package nl.groningen.keukentafel.app.sync;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;

/**
 * The way between one laptop and the simulated server, in memory, failing as a real network and
 * server do, each fault drawn from the run's {@link Chaos}:
 * <ul>
 *   <li>request lost: nothing reaches the server; the laptop hears {@link SyncFailure#OFFLINE};</li>
 *   <li>answer lost: the server commits, the laptop hears OFFLINE (a timeout after the work was done);</li>
 *   <li>request duplicated: the server gets it twice and the laptop one of the answers;</li>
 *   <li>request held up: the laptop hears OFFLINE, the request reaches the server later, after newer
 *       ones ({@link SimulatedNetwork}), and a delivered request may also arrive again later, stale;</li>
 *   <li>server restart mid-request: the server goes down before it answers (and before it commits,
 *       as a dropped connection rolls the transaction back) and comes back on the same database.</li>
 * </ul>
 * Pull pages are served smaller than asked (the server may always do that), so a pull takes several
 * pages and a failure can land between them. Every change id the laptop tries to push is reported
 * to {@code pushed}, fault or not.
 */
final class FaultyTransport implements SyncTransport {

    private final SimulatedServer server;
    private final SimulatedNetwork network;
    private final String laptop;
    private final UUID coachId;
    private final Chaos chaos;
    private final int pageLimit;
    private final Consumer<List<Change>> pushed;
    private final Consumer<String> trace;

    FaultyTransport(SimulatedServer server, SimulatedNetwork network, String laptop, UUID coachId, Chaos chaos,
                    int pageLimit, Consumer<List<Change>> pushed, Consumer<String> trace) {
        this.server = server;
        this.network = network;
        this.laptop = laptop;
        this.coachId = coachId;
        this.chaos = chaos;
        this.pageLimit = pageLimit;
        this.pushed = pushed;
        this.trace = trace;
    }

    @Override
    public PushResponse push(PushRequest request) throws SyncException {
        pushed.accept(request.changes());
        SimulatedNetwork.InFlight push = new SimulatedNetwork.InFlight(laptop, coachId, request);
        String what = "push of " + request.changes().size() + " (cursor " + request.cursor() + ")";
        if (chaos.fault(0.06)) {
            trace.accept(laptop + ": " + what + " lost on the way");
            throw offline("request lost");
        }
        if (chaos.fault(0.04)) {
            network.delay(push);
            trace.accept(laptop + ": " + what + " held up in the network");
            throw offline("request held up");
        }
        if (chaos.fault(0.02)) {
            server.restart();
            trace.accept(laptop + ": server restarted during " + what);
            throw offline("server restarted");
        }
        List<ChangeResult> results = server.push(coachId, request.cursor(), request.changes());
        network.delivered(push);
        if (chaos.fault(0.05)) {
            results = server.push(coachId, request.cursor(), request.changes());
            trace.accept(laptop + ": " + what + " delivered twice");
        }
        if (chaos.fault(0.08)) {
            trace.accept(laptop + ": " + what + " applied, answer lost");
            throw offline("answer lost");
        }
        trace.accept(laptop + ": " + what + " answered " + results.stream().map(r -> r.status().name()).toList());
        return new PushResponse(results, server.epoch());
    }

    @Override
    public PullPage pull(long after, int limit) throws SyncException {
        if (chaos.fault(0.04)) {
            trace.accept(laptop + ": pull after " + after + " lost on the way");
            throw offline("request lost");
        }
        if (chaos.fault(0.01)) {
            server.restart();
            trace.accept(laptop + ": server restarted during pull after " + after);
            throw offline("server restarted");
        }
        PullPage page = server.pull(coachId, after, Math.min(limit, pageLimit));
        if (chaos.fault(0.05)) {
            trace.accept(laptop + ": pull after " + after + " served " + page.changes().size() + ", answer lost");
            throw offline("answer lost");
        }
        trace.accept(laptop + ": pull after " + after + " got " + page.changes().size() + " to " + page.nextCursor()
                + (page.hasMore() ? " (more)" : ""));
        return page;
    }

    private static SyncException offline(String detail) {
        return new SyncException(SyncFailure.OFFLINE, detail, null);
    }
}
