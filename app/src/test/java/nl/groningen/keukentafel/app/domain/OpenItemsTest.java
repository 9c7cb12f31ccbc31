package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** The one list of open agreements and referrals across the caseload, without JavaFX. */
class OpenItemsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private final Resident jansen = resident("Anna", "Jansen");
    private final Resident bakker = resident("Bert", "Bakker");
    private final Resident visser = resident("Cor", "Visser");

    @Test
    void openAgreementsAndReferralsOfEveryResidentAreListedTheFirstDueFirst() {
        Agreement later = agreement(jansen, "Formulier opsturen", TODAY.plusDays(30));
        Referral soon = referral(bakker, ReferralStatus.REFERRED, TODAY.plusDays(3));
        Agreement late = agreement(visser, "Schuldhulp bellen", TODAY.minusDays(2));
        Caseload caseload = caseload(Map.of(
                jansen, records(List.of(later), List.of()),
                bakker, records(List.of(), List.of(soon)),
                visser, records(List.of(late), List.of())));

        List<OpenItem> items = OpenItems.of(caseload);

        assertThat(items).containsExactly(new OpenItem.OpenAgreement(visser, late), new OpenItem.OpenReferral(bakker, soon),
                new OpenItem.OpenAgreement(jansen, later));
        assertThat(items).extracting(i -> Due.of(i.due(), TODAY)).containsExactly(Due.LATE, Due.SOON, Due.LATER);
    }

    @Test
    void doneAgreementsAndEndedReferralsAreNotOpen() {
        Agreement done = Agreements.done(agreement(jansen, "Afgerond", TODAY.minusDays(5)), TODAY);
        Referral completed = referral(jansen, ReferralStatus.COMPLETED, TODAY.minusDays(5));
        Referral stopped = referral(jansen, ReferralStatus.STOPPED, TODAY.minusDays(5));
        Referral accepted = referral(jansen, ReferralStatus.ACCEPTED, TODAY.plusDays(10));
        Caseload caseload = caseload(Map.of(jansen, records(List.of(done), List.of(completed, stopped, accepted))));

        assertThat(OpenItems.of(caseload)).containsExactly(new OpenItem.OpenReferral(jansen, accepted));
    }

    @Test
    void onTheSameDayTheyGoBySurnameAndAReferralWithoutACheckDateComesLast() {
        Referral undated = referral(bakker, ReferralStatus.REFERRED, null);
        Referral jansensReferral = referral(jansen, ReferralStatus.REFERRED, TODAY);
        Agreement jansensAgreement = agreement(jansen, "Bellen", TODAY);
        Agreement bakkers = agreement(bakker, "Brief lezen", TODAY);
        Caseload caseload = caseload(Map.of(
                jansen, records(List.of(jansensAgreement), List.of(jansensReferral)),
                bakker, records(List.of(bakkers), List.of(undated))));

        assertThat(OpenItems.of(caseload)).containsExactly(new OpenItem.OpenAgreement(bakker, bakkers),
                new OpenItem.OpenAgreement(jansen, jansensAgreement), new OpenItem.OpenReferral(jansen, jansensReferral),
                new OpenItem.OpenReferral(bakker, undated));
    }

    @Test
    void onlyAgreementsOrOnlyReferralsKeepTheirOrder() {
        Agreement later = agreement(jansen, "Formulier opsturen", TODAY.plusDays(30));
        Referral soon = referral(bakker, ReferralStatus.REFERRED, TODAY.plusDays(3));
        Agreement late = agreement(visser, "Schuldhulp bellen", TODAY.minusDays(2));
        List<OpenItem> items = OpenItems.of(caseload(Map.of(
                jansen, records(List.of(later), List.of()),
                bakker, records(List.of(), List.of(soon)),
                visser, records(List.of(late), List.of()))));

        assertThat(OpenItems.only(items, OpenItem.Kind.AGREEMENT))
                .containsExactly(new OpenItem.OpenAgreement(visser, late), new OpenItem.OpenAgreement(jansen, later));
        assertThat(OpenItems.only(items, OpenItem.Kind.REFERRAL)).containsExactly(new OpenItem.OpenReferral(bakker, soon));
        assertThat(OpenItems.only(items, null)).isEqualTo(items);
    }

    private static Resident resident(String givenName, String surname) {
        return new Resident(UUID.randomUUID(), UUID.randomUUID(), "K" + surname, givenName, null, surname, "Herestraat", "1",
                "9711 AA", "Centrum", LocalDate.of(1970, 1, 1), null, false, false, 6, Initiative.COACH,
                OutreachStatus.SPOKEN, TODAY.plusMonths(3));
    }

    private static Agreement agreement(Resident r, String description, LocalDate due) {
        return Agreements.make(UUID.randomUUID(), r.id(), UUID.randomUUID(), description, AgreementOwner.COACH, null, due, null);
    }

    private static Referral referral(Resident r, ReferralStatus status, LocalDate checkOn) {
        Referral made = Referrals.make(UUID.randomUUID(), r.id(), UUID.randomUUID(), "centrum_naar_werk", false,
                TODAY.minusDays(20), checkOn, null);
        return status == ReferralStatus.REFERRED ? made
                : new Referral(made.id(), made.residentId(), made.conversationId(), made.partner(), made.warmHandover(),
                        made.referredOn(), status, checkOn, made.socialMapEntry());
    }

    private static ResidentRecords records(List<Agreement> agreements, List<Referral> referrals) {
        ResidentRecords records = ResidentRecords.NONE;
        for (Agreement a : agreements) {
            records = records.withAgreement(a);
        }
        for (Referral r : referrals) {
            records = records.withReferral(r);
        }
        return records;
    }

    private static Caseload caseload(Map<Resident, ResidentRecords> byResident) {
        Map<UUID, ResidentRecords> records = new java.util.HashMap<>();
        byResident.forEach((r, x) -> records.put(r.id(), x));
        return new Caseload(byResident.keySet(), records);
    }
}
