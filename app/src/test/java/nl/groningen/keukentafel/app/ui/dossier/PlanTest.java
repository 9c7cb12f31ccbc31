package nl.groningen.keukentafel.app.ui.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.DemoProfile;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.RecordStore;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.SameThreadTasks;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import org.junit.jupiter.api.Test;

/** The resident's development plan as the dossier starts and extends it. */
class PlanTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));

    /** Found by the sync simulation: with an id of its own per laptop, the resident ended with two plans. */
    @Test
    void twoLaptopsStartingAResidentsPlanOfflineMakeTheSameRecord() {
        Dataset demo = DemoProfile.dataset(CLOCK);
        Resident resident = demo.residents().stream()
                .filter(r -> demo.developmentPlans().stream().noneMatch(p -> p.residentId().equals(r.id())))
                .findFirst().orElseThrow();
        List<DevelopmentPlan> saved = new ArrayList<>();

        laptop(demo, resident, saved).addGoal(ReferenceData.standard().lifeDomains().get(0), "Werk zoeken", "Cv maken");
        laptop(demo, resident, saved).addGoal(ReferenceData.standard().lifeDomains().get(1), "Sporten", "Club bellen");

        assertThat(saved).hasSize(2).extracting(DevelopmentPlan::id).containsOnly(DevelopmentPlan.idFor(resident.id()));
        assertThat(saved.get(0).goals()).extracting(g -> g.goal()).containsExactly("Werk zoeken");
        assertThat(saved.get(1).goals()).extracting(g -> g.goal()).containsExactly("Sporten");
    }

    /** One laptop of the coach, with the caseload as it was before either laptop added a goal. */
    private static DossierViewModel laptop(Dataset demo, Resident resident, List<DevelopmentPlan> saved) {
        Caseload caseload = new Caseload(demo.residents(), DemoProfile.recordsOf(demo, demo.residents()));
        CoachSession session = new CoachSession(demo.coaches().get(0), caseload, new PlanStore(saved), ReferenceData.standard(),
                demo.socialMap(), CLOCK, new SameThreadTasks(), Messages.forLocale(Messages.DUTCH), () -> { }, java.util.Map::of);
        return new DossierViewModel(session, resident.id(), new NowhereNavigator());
    }

    /** Keeps the plans saved; nothing else is expected. */
    private record PlanStore(List<DevelopmentPlan> saved) implements RecordStore {
        @Override public void savePlan(DevelopmentPlan plan) { saved.add(plan); }
        @Override public void saveResident(Resident resident) { throw new AssertionError(); }
        @Override public void saveContactAttempt(ContactAttempt attempt, Resident resident) { throw new AssertionError(); }
        @Override public void saveDraft(ConversationDraft draft) { throw new AssertionError(); }
        @Override public void finalise(ConversationDraft draft, Conversation finalised, Resident resident) { throw new AssertionError(); }
        @Override public void discardDraft(UUID conversationId) { throw new AssertionError(); }
        @Override public void saveAgreement(Agreement agreement) { throw new AssertionError(); }
        @Override public void saveReferral(Referral referral) { throw new AssertionError(); }
        @Override public void saveAppointment(Appointment appointment) { throw new AssertionError(); }
    }

    private static final class NowhereNavigator implements Navigator {
        @Override public void showToday() { }
        @Override public void showCaseload() { }
        @Override public void showSocialMap() { }
        @Override public void showDossier(UUID residentId) { }
        @Override public void showConversation(UUID residentId) { }
    }
}
