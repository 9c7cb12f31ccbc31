package nl.groningen.keukentafel.app.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;

/**
 * The child process {@link CrashSafetyTest} kills: finalises conversations forever and prints
 * {@code committed <id>} after each finalise returns. Arguments: database file, password, seed.
 */
public final class CrashWriter {

    static final String COMMITTED = "committed ";
    private static final String MARK = "crash-writer agreements: ";
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final int FAST_KDF = 1_000;

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        char[] password = args[1].toCharArray();
        Random random = new Random(Long.parseLong(args[2]));
        PrintStream out = System.out;

        try (LocalStore store = open(file, password)) {
            UUID coachId = store.referenceTable().coach().id();
            List<Resident> residents = new ArrayList<>(store.sealedRecords().residents());
            while (true) {
                int index = random.nextInt(residents.size());
                Resident resident = residents.get(index);
                int count = 2 + random.nextInt(4);
                Conversation draft = marked(Conversations.newDraft(UUID.randomUUID(), resident, coachId, TODAY, true), count);
                // An empty draft first, as when the coach starts typing: more kinds of write for a kill to land in.
                store.recordWriter().saveDraft(new ConversationDraft(draft, List.of(), List.of()));
                ConversationDraft full = new ConversationDraft(draft, agreements(draft, count), List.of());
                store.recordWriter().saveDraft(full);
                Conversation finalised = Conversations.finalise(draft);
                Resident after = Conversations.applyTo(resident, finalised);
                store.recordWriter().finalise(full, finalised, after);
                residents.set(index, after);
                // Only now is the conversation promised to the test: it must survive any kill from here on.
                out.println(COMMITTED + finalised.id());
                out.flush();
            }
        }
    }

    private static LocalStore open(Path file, char[] password) {
        if (LocalStore.exists(file)) {
            return LocalStore.unlock(file, password);
        }
        Dataset demo = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);
        LocalStore store = LocalStore.create(file, password, FAST_KDF);
        DemoProfile.fill(store, demo, demo.coaches().get(0), true);
        return store;
    }

    /**
     * The conversation with its agreement count in its notes, so the test can check conversations
     * that were finalised but not yet announced when the kill came, not only the announced ones.
     */
    static Conversation marked(Conversation c, int agreements) {
        return new Conversation(c.id(), c.residentId(), c.coachId(), c.date(), c.place(), c.durationMinutes(),
                c.followUp(), c.lifeDomains(), MARK + agreements, c.wishes(), c.outcome(), c.provisionsInformed(),
                c.signals(), c.ownGoals(), c.conversationRating(), c.contactValueRating(), c.nextContactTermMonths(),
                c.initiative(), c.status(), c.corrects());
    }

    /** The agreement count a writer's conversation announces, or -1 for one the writer did not make. */
    static int agreementsMarked(Conversation c) {
        return c.activities() != null && c.activities().startsWith(MARK)
                ? Integer.parseInt(c.activities().substring(MARK.length())) : -1;
    }

    /** Numbered "i of n", so the test can tell a complete set of agreements from a partial one. */
    static List<Agreement> agreements(Conversation conversation, int count) {
        List<Agreement> agreements = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            agreements.add(new Agreement(UUID.randomUUID(), conversation.residentId(), conversation.id(),
                    description(i, count), AgreementOwner.RESIDENT, null, TODAY.plusWeeks(i),
                    AgreementStatus.OPEN, null, null));
        }
        return agreements;
    }

    static String description(int i, int count) {
        return "Afspraak " + i + " van " + count;
    }
}
