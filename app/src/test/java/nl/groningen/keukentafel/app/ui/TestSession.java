package nl.groningen.keukentafel.app.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.demo.Dataset;

/**
 * A coach's session on the demo caseload for view-model tests, without a toolkit: the records in
 * memory from the start, saves on the calling thread ({@link SameThreadTasks}) into a
 * {@link RecordingStore}, on a fixed day (Sunday 22 November 2026, 10:00 in Groningen), in Dutch.
 */
public final class TestSession {

    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    /** The demo data is made once: it is immutable, and making it takes a while. */
    private static final Dataset DEMO = DemoProfile.dataset(CLOCK);

    private final RecordingStore store;
    private final Caseload caseload;
    private final CoachSession session;

    public TestSession() {
        this(new RecordingStore());
    }

    /** A session of its own (its own caseload in memory) that writes to {@code store}. */
    public TestSession(RecordingStore store) {
        this.store = store;
        this.caseload = new Caseload(DEMO.residents(), DemoProfile.recordsOf(DEMO, DEMO.residents()));
        this.session = new CoachSession(DEMO.coaches().get(0), caseload, store, ReferenceData.standard(), DEMO.socialMap(),
                CLOCK, new SameThreadTasks(), Messages.forLocale(Messages.DUTCH), () -> { }, Map::of);
    }

    public static Dataset demo() {
        return DEMO;
    }

    public CoachSession session() {
        return session;
    }

    public Caseload caseload() {
        return caseload;
    }

    public RecordingStore store() {
        return store;
    }

    public Messages messages() {
        return session.messages();
    }
}
