package nl.groningen.keukentafel.app.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.app.domain.ConversationRetention;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.Outbox;
import nl.groningen.keukentafel.app.domain.PulledChanges;
import nl.groningen.keukentafel.app.domain.ReferenceUpdates;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/**
 * One sync: push the outbox in batches, then pull pages after the cursor, each page committed
 * locally together with its cursor; then the reference data and sociale kaart when they changed. Any step may fail (connection gone, server down): what was
 * committed stays committed, the outbox keeps every change the server has not answered, and the
 * next sync resends those with the same change ids, which the server answers as before.
 *
 * <p>Answered changes are kept for {@link #SENT_KEPT}. Every answer names the server database's
 * epoch; when it is not the one this laptop saw at its last completed sync, the server was
 * restored from a backup and may have lost what it answered after it, so the kept changes go back
 * into the outbox, ahead of anything newer, and are pushed again (a server that has a change
 * answers it as before, one that lost it applies it now). The new epoch is stored only once every
 * one of them is answered: a sync cut off halfway sends them again next time, never loses one.
 *
 * <p>A resident the municipality erased leaves the laptop as soon as the server says so, in a
 * push's answer ({@code erased}) or a pulled page ({@code resident_erased}): what still waited for
 * them is dropped, not pushed first, and the rest of the outbox goes on as always. The outcome
 * counts them, so the coach is told.
 *
 * <p>After each successful sync, finalised conversations older than the laptop's retention leave it
 * (the server keeps them); one with a change still waiting stays until it is sent.
 */
public final class SyncEngine {

    /** Changes per push request. */
    public static final int PUSH_BATCH = 200;
    /** Changes per pull page. */
    public static final int PULL_PAGE = 1000;
    /** Tries at committing a page that moves a resident away while the coach keeps saving for them just in between. */
    private static final int APPLY_ATTEMPTS = 10;
    /** Whose calendar a conversation's date is in, for the retention. */
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    /** How long answered changes are kept for a re-send after a restore of the server (docs/sync.md). */
    public static final Duration SENT_KEPT = Duration.ofDays(30);

    private final Outbox outbox;
    private final PulledChanges pulledChanges;
    private final SyncState state;
    private final ReferenceUpdates reference;
    private final Function<SyncState.Enrolled, ? extends SyncTransport> clients;
    private final Clock clock;
    private final ConversationRetention conversations;
    /** How many months finalised conversations stay on the laptop; 0 for an engine that keeps them all. */
    private final int conversationMonths;

    /**
     * The app's engine: after each successful sync, finalised conversations dated more than
     * {@code conversationMonths} (at least 1) months before today leave the laptop.
     */
    public SyncEngine(Outbox outbox, PulledChanges pulledChanges, SyncState state, ReferenceUpdates reference,
                      Function<SyncState.Enrolled, ? extends SyncTransport> clients, Clock clock,
                      ConversationRetention conversations, int conversationMonths) {
        if (conversationMonths < 1) {
            throw new IllegalArgumentException("conversations stay at least a month");
        }
        this.outbox = outbox;
        this.pulledChanges = pulledChanges;
        this.state = state;
        this.reference = reference;
        this.clients = clients;
        this.clock = clock;
        this.conversations = conversations;
        this.conversationMonths = conversationMonths;
    }

    /** An engine that keeps every conversation: for the simulations and tools that compare laptop and server. */
    public SyncEngine(Outbox outbox, PulledChanges pulledChanges, SyncState state, ReferenceUpdates reference,
                      Function<SyncState.Enrolled, ? extends SyncTransport> clients, Clock clock) {
        this.outbox = outbox;
        this.pulledChanges = pulledChanges;
        this.state = state;
        this.reference = reference;
        this.clients = clients;
        this.clock = clock;
        this.conversations = null;
        this.conversationMonths = 0;
    }

    /**
     * What one sync did. {@code pulled} counts every change pulled, {@code pulledFromElsewhere}
     * those that were not this sync's own pushed changes coming back; {@code erased}: residents the
     * municipality erased that left this laptop, with whatever still waited for them (a pulled
     * {@code resident_erased}, or a change answered {@code erased});
     * {@code changedResidents}: residents whose data on this laptop changed (or left it).
     */
    public record Outcome(int pushed, int conflicts, int refused, int erased, int pulled, int pulledFromElsewhere,
                          Set<UUID> changedResidents, Instant at) {
    }

    /** Progress of a pull: changes done so far and the total known now. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total);
    }

    public Outcome syncOnce(Progress progress) throws SyncException {
        SyncState.Enrolled enrolled = state.enrolment()
                .orElseThrow(() -> new SyncException(SyncFailure.NOT_ENROLLED, "no enrolment on this laptop", null));
        SyncTransport client = clients.apply(enrolled);
        Pushed pushed = new Pushed();
        Epoch epoch = new Epoch(local(state::serverEpoch));
        if (epoch.remembered != null && local(outbox::waiting) > 0) {
            // Ask first, push after: were the server restored, changes made since the last sync must
            // not reach it before the older ones sent again (a contact attempt is written whole).
            epoch.check(client.pull(local(pulledChanges::cursor), 1).serverEpoch());
        }
        pushAll(client, pushed, epoch);
        Set<UUID> changed = new LinkedHashSet<>();
        int pulled = 0;
        int fromElsewhere = 0;
        PullPage page;
        do {
            page = client.pull(local(pulledChanges::cursor), PULL_PAGE);
            if (epoch.check(page.serverEpoch())) {
                pushAll(client, pushed, epoch); // before the page: a record with a change on its way keeps the laptop's version
            }
            Set<UUID> changedByPage = apply(page, client, pushed, epoch);
            changed.addAll(changedByPage);
            page.changes().stream()
                    .filter(c -> RecordKind.RESIDENT_ERASED.is(c.kind()) && changedByPage.contains(c.residentId()))
                    .forEach(c -> pushed.erased.add(c.residentId()));
            pulled += page.changes().size();
            fromElsewhere += (int) page.changes().stream().filter(c -> !pushed.seqs.contains(c.seq())).count();
            progress.update(pulled, pulled + page.remaining());
        } while (page.hasMore());
        ReferenceBundle bundle = client.reference();
        if (bundle != null && !bundle.version().equals(local(reference::referenceVersion))) {
            local(() -> {
                reference.saveReference(bundle);
                return null;
            });
        }
        Instant at = clock.instant();
        local(() -> {
            if (epoch.seen != null && !epoch.seen.equals(epoch.remembered)) {
                state.saveServerEpoch(epoch.seen); // every change sent again has been answered by now
            }
            outbox.forgetSentBefore(at.minus(SENT_KEPT));
            state.saveLastSync(at);
            if (conversations != null) {
                // Every run, not once: a conversation pulled again (a move delivers the history anew) leaves again.
                LocalDate today = LocalDate.ofInstant(at, AMSTERDAM);
                changed.addAll(conversations.removeFinalisedBefore(today.minusMonths(conversationMonths)));
            }
            return null;
        });
        changed.addAll(pushed.erased);
        return new Outcome(pushed.applied, pushed.conflicts, pushed.refused, pushed.erased.size(), pulled, fromElsewhere, changed, at);
    }

    /**
     * Commits a pulled page. When it moves away a resident with changes still waiting, the old
     * coach's laptop first sends what it has, then lets go. The coach may save a change to that
     * resident after the check and before the page is committed (the store refuses the page then):
     * that change is pushed too, and the page applied again.
     */
    private Set<UUID> apply(PullPage page, SyncTransport client, Pushed pushed, Epoch epoch) throws SyncException {
        for (int attempt = 1; ; attempt++) {
            if (movesAResidentWithWaitingChanges(page.changes())) {
                pushAll(client, pushed, epoch);
            }
            try {
                return local(() -> pulledChanges.applyPulled(page.changes(), page.nextCursor()));
            } catch (SyncException e) {
                if (attempt == APPLY_ATTEMPTS || !movesAResidentWithWaitingChanges(page.changes())) {
                    throw e;
                }
            }
        }
    }

    private void pushAll(SyncTransport client, Pushed pushed, Epoch epoch) throws SyncException {
        for (int round = 0; round < 1_000; round++) {
            List<Change> batch = local(() -> outbox.takeOutbox(PUSH_BATCH));
            if (batch.isEmpty()) {
                return;
            }
            PushResponse response = client.push(new PushRequest(batch, local(outbox::pushCursor)));
            Map<UUID, UUID> sent = new HashMap<>();
            batch.forEach(c -> sent.put(c.changeId(), c.residentId()));
            List<ChangeResult> answered = response.results().stream().filter(r -> sent.containsKey(r.changeId())).toList();
            local(() -> {
                outbox.acknowledge(answered, clock.instant());
                return null;
            });
            answered.forEach(result -> pushed.count(result, sent.get(result.changeId())));
            if (answered.size() < batch.size()) {
                throw new SyncException(SyncFailure.SERVER_ERROR, "the server did not answer every change", null);
            }
            epoch.check(response.serverEpoch()); // restored in the middle of this sync: the loop sends the kept ones too
        }
    }

    /**
     * What the server answered to this sync's pushed changes: how many of each, and the seqs it gave
     * them; and the erased residents, whether a push's answer or a pulled page named them.
     */
    private static final class Pushed {
        int applied;
        int conflicts;
        int refused;
        /** Erased residents the laptop let go of in this sync, pushed to or pulled (counted once each). */
        final Set<UUID> erased = new LinkedHashSet<>();
        /** A pulled change with one of these seqs is this laptop's own change coming back. */
        final Set<Long> seqs = new HashSet<>();

        void count(ChangeResult result, UUID residentId) {
            switch (result.status()) {
                case APPLIED -> applied++;
                case CONFLICT -> conflicts++;
                case REJECTED -> refused++;
                case ERASED -> erased.add(residentId);
            }
            if (result.seq() != null) {
                seqs.add(result.seq());
            }
        }
    }

    /**
     * The server epoch this laptop remembered at the start of the sync and the one the server
     * answers with now. The first answer with another epoch puts the kept sent changes back in
     * the outbox, once per sync; a laptop that remembered none (its first sync, or an older
     * server before) has nothing to compare and only remembers it.
     */
    private final class Epoch {
        final String remembered;
        String seen;
        private boolean resent;

        Epoch(String remembered) {
            this.remembered = remembered;
        }

        /** Notes an answer's epoch; true when that put kept changes back in the outbox, to be pushed now. */
        boolean check(String answered) throws SyncException {
            if (answered == null) {
                return false;
            }
            seen = answered;
            if (remembered == null || remembered.equals(answered) || resent) {
                return false;
            }
            resent = true;
            return local(outbox::resendSent) > 0;
        }
    }

    private boolean movesAResidentWithWaitingChanges(List<PulledChange> changes) throws SyncException {
        for (PulledChange change : changes) {
            if (RecordKind.RESIDENT_MOVED.is(change.kind()) && local(() -> outbox.hasWaitingFor(change.residentId()))) {
                return true;
            }
        }
        return false;
    }

    /** Local work; a failing local database (disk full, say) becomes a sync failure the coach is told about. */
    private static <T> T local(LocalWork<T> work) throws SyncException {
        try {
            return work.run();
        } catch (LocalStoreException e) {
            throw new SyncException(SyncFailure.LOCAL_STORE, e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface LocalWork<T> {
        T run();
    }
}
