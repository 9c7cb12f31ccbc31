package nl.groningen.keukentafel.app.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable save of a finalised conversation with five agreements, on a coach database holding
 * the whole area (1,500 residents with all their records) in a file on disk: each
 * {@code RecordWriter.finalise} is one transaction that SQLite syncs to disk (synchronous=FULL)
 * before it returns. The draft is saved first (as the form does while the coach types), untimed.
 * {@code app.save_p95_ms} and {@code app.save_median_ms} over 200 conversations for 200 different
 * residents, after 20 of warm-up.
 */
@Tag("bench")
class SaveBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final int WARM_UP = 20;
    private static final int TIMED = 200;
    private static final int AGREEMENTS = 5;
    private static final String[] WHAT = {
        "CV bijwerken en online zetten", "Aanmelden bij de voedselbank", "Afspraak maken met de huisarts",
        "Twee keer per week naar het buurthuis", "Schuldhulp: map met post meenemen naar het inloopspreekuur",
    };

    @TempDir
    Path folder;

    @Test
    void finaliseAConversationWithFiveAgreements() {
        Dataset area = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
        UUID coachId = area.coaches().get(0).id();
        Path file = folder.resolve("coach.db");
        List<Conversation> saved = new ArrayList<>();
        double[] millis = new double[TIMED];
        try (LocalStore store = LocalStore.create(file, "keukentafel-bench".toCharArray())) {
            DemoProfile.fill(store, area, area.coaches().get(0), false);
            List<Resident> residents = area.residents();
            for (int i = 0; i < WARM_UP + TIMED; i++) {
                Resident resident = residents.get(i * 7 % residents.size());
                Conversation draft = Conversations.newDraft(UUID.randomUUID(), resident, coachId, TODAY, true);
                List<Agreement> agreements = new ArrayList<>();
                for (int a = 0; a < AGREEMENTS; a++) {
                    agreements.add(new Agreement(UUID.randomUUID(), resident.id(), draft.id(), WHAT[a],
                            a % 2 == 0 ? AgreementOwner.RESIDENT : AgreementOwner.COACH, null, TODAY.plusWeeks(2 + a),
                            AgreementStatus.OPEN, null, null));
                }
                ConversationDraft withAgreements = new ConversationDraft(draft, agreements, List.of());
                store.recordWriter().saveDraft(withAgreements);
                Conversation finalised = Conversations.finalise(draft);
                Resident updated = Conversations.applyTo(resident, finalised);

                long start = System.nanoTime();
                store.recordWriter().finalise(withAgreements, finalised, updated);
                long took = System.nanoTime() - start;
                if (i >= WARM_UP) {
                    millis[i - WARM_UP] = took / 1e6;
                }
                saved.add(finalised);
            }

            Caseload after = store.sealedRecords().caseload();
            for (Conversation c : saved) {
                if (!after.recordsOf(c.residentId()).conversations().contains(c)
                        || after.recordsOf(c.residentId()).agreements().stream()
                                .filter(a -> a.conversationId().equals(c.id())).count() != AGREEMENTS
                        || !after.recordsOf(c.residentId()).drafts().isEmpty()) {
                    throw new AssertionError("Conversation " + c.id() + " was not finalised with its agreements");
                }
            }
        }
        System.out.println("# app.save: " + TIMED + " finalisations; p99 " + Figures.format(Figures.percentile(millis, 99))
                + " ms, max " + Figures.format(Figures.max(millis)) + " ms");
        Figures.print("app.save_p95_ms", Figures.percentile(millis, 95), "ms");
        Figures.print("app.save_median_ms", Figures.median(millis), "ms");
    }
}
