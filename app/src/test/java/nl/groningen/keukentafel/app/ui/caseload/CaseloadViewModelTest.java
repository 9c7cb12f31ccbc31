package nl.groningen.keukentafel.app.ui.caseload;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.NextContact;
import nl.groningen.keukentafel.app.ui.RecordingNavigator;
import nl.groningen.keukentafel.app.ui.RecordingStore;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** The caseload screen's state without a toolkit: searching, filtering, opening, logging an attempt. */
class CaseloadViewModelTest {

    private final TestSession test = new TestSession();
    private final RecordingNavigator navigator = new RecordingNavigator();
    private final CaseloadViewModel model = new CaseloadViewModel(test.session(), navigator);
    private final int everyone = TestSession.demo().residents().size();

    @Test
    void typingPartOfANameNarrowsTheCaseloadAndTheCountSaysHowMuch() {
        model.refresh();
        assertThat(model.rows()).hasSize(everyone);
        assertThat(model.countProperty().get()).isEqualTo(everyone + " inwoners");
        Resident target = TestSession.demo().residents().get(42);

        model.searchProperty().set(target.surname().substring(1, 6).toLowerCase(Locale.ROOT));

        assertThat(model.rows()).hasSizeLessThan(everyone).extracting(CaseloadRow::clientNumber).contains(target.clientNumber());
        assertThat(model.countProperty().get()).isEqualTo(model.rows().size() + " van " + everyone + " inwoners");
    }

    @Test
    void aWijkAndContactNeededCombine() {
        String wijk = model.wijken().get(0);

        model.wijkProperty().set(wijk);
        int inWijk = model.rows().size();
        model.dueOnlyProperty().set(true);

        assertThat(inWijk).isBetween(1, everyone - 1);
        assertThat(model.rows()).hasSizeLessThanOrEqualTo(inWijk)
                .allMatch(row -> row.wijk().equals(wijk) && row.due() != Due.LATER);
        assertThat(model.rows()).allMatch(row -> NextContact.dueSoonOrOverdue(row.nextContactDue(), test.session().today()));
    }

    @Test
    void aRowIsLateFromTheDayAfterItsNextContactSoonWithinFourteenDaysAndUnmarkedLater() {
        LocalDate today = test.session().today();
        List<Resident> three = TestSession.demo().residents().subList(0, 3);
        test.caseload().put(three.get(0).withContact(6, Initiative.COACH, three.get(0).outreachStatus(), today.minusDays(1)));
        test.caseload().put(three.get(1).withContact(6, Initiative.COACH, three.get(1).outreachStatus(), today.plusDays(14)));
        test.caseload().put(three.get(2).withContact(6, Initiative.COACH, three.get(2).outreachStatus(), today.plusDays(15)));

        CaseloadViewModel fresh = new CaseloadViewModel(test.session(), navigator);
        fresh.refresh();

        assertThat(fresh.rows()).filteredOn(row -> row.residentId().equals(three.get(0).id()))
                .singleElement().extracting(CaseloadRow::due).isEqualTo(Due.LATE);
        assertThat(fresh.rows()).filteredOn(row -> row.residentId().equals(three.get(1).id()))
                .singleElement().extracting(CaseloadRow::due).isEqualTo(Due.SOON);
        assertThat(fresh.rows()).filteredOn(row -> row.residentId().equals(three.get(2).id()))
                .singleElement().extracting(CaseloadRow::due).isEqualTo(Due.LATER);
    }

    @Test
    void aStatusFilterShowsOnlyResidentsWithThatStatus() {
        model.statusProperty().set(OutreachStatus.DECLINED);

        assertThat(model.rows()).isNotEmpty().extracting(CaseloadRow::outreachStatus).containsOnly("Afgezien");
    }

    @Test
    void aDeclinedPhoneCallMovesTheResidentToDeclinedInTheList() {
        Resident target = TestSession.demo().residents().stream()
                .filter(r -> r.outreachStatus() == OutreachStatus.TO_SCHEDULE).findFirst().orElseThrow();
        model.searchProperty().set(target.clientNumber());
        assertThat(model.rows()).singleElement().extracting(CaseloadRow::outreachStatus).isEqualTo("Nog in te plannen");

        model.logAttempt(target.id(), ContactChannel.PHONE, ContactResult.DECLINED);

        assertThat(model.rows()).singleElement().extracting(CaseloadRow::outreachStatus).isEqualTo("Afgezien");
        assertThat(test.store().written(RecordingStore.Attempt.class)).singleElement()
                .satisfies(a -> assertThat(a.attempt().channel()).isEqualTo(ContactChannel.PHONE));
        assertThat(test.caseload().recordsOf(target.id()).contactAttempts())
                .anyMatch(a -> a.result() == ContactResult.DECLINED && a.date().equals(test.session().today()));
    }

    @Test
    void anAttemptThatCannotBeSavedSaysSoAndChangesNothing() {
        CaseloadViewModel failing = new CaseloadViewModel(new TestSession(new RecordingStore().failing()).session(), navigator);
        Resident target = TestSession.demo().residents().stream()
                .filter(r -> r.outreachStatus() == OutreachStatus.TO_SCHEDULE).findFirst().orElseThrow();
        failing.searchProperty().set(target.clientNumber());

        failing.logAttempt(target.id(), ContactChannel.PHONE, ContactResult.DECLINED);

        assertThat(failing.problemProperty().get()).isEqualTo(test.messages().text("save.failed"));
        assertThat(failing.rows()).singleElement().extracting(CaseloadRow::outreachStatus).isEqualTo("Nog in te plannen");
    }

    @Test
    void openingAResidentShowsTheirDossier() {
        Resident target = TestSession.demo().residents().get(7);

        model.open(target.id());

        assertThat(navigator.shown()).isEqualTo(new RecordingNavigator.Screen("dossier", target.id()));
    }
}
