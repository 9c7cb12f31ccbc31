package nl.groningen.keukentafel.app.ui.today;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.TodayOverview;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.EnumLabels;
import nl.groningen.keukentafel.app.ui.ResidentLine;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Resident;

/** Vandaag: the four lists a coach starts the day with, as lines to read. */
public final class TodayViewModel {

    private final CoachSession session;
    private final Navigator navigator;
    private final TodayOverview overview;

    public TodayViewModel(CoachSession session, Navigator navigator) {
        this.session = session;
        this.navigator = navigator;
        this.overview = TodayOverview.of(session.caseload(), session.today(), session.zone());
    }

    public String title() {
        Messages m = session.messages();
        return m.text("today.title", m.longDate(session.today()));
    }

    public List<ResidentLine> appointments() {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
        Messages m = session.messages();
        return overview.appointments().stream().map(i -> new ResidentLine(i.resident().id(), m.text("today.appointment",
                i.record().startsAt().atZone(session.zone()).format(time), i.resident().fullName(),
                address(i.resident()), EnumLabels.of(m, "place", i.record().place())))).toList();
    }

    public List<ResidentLine> contactsDue() {
        Messages m = session.messages();
        return overview.contactsDue().stream().map(r -> {
            Due due = Due.of(r.nextContactDue(), session.today());
            return new ResidentLine(r.id(), m.text(due == Due.LATE ? "today.contactOverdue" : "today.contactDue",
                    r.fullName(), m.date(r.nextContactDue()),
                    m.text(r.initiative() == Initiative.RESIDENT ? "initiative.resident" : "initiative.coach")), due);
        }).toList();
    }

    public List<ResidentLine> overdueAgreements() {
        Messages m = session.messages();
        return overview.overdueAgreements().stream().map(i -> new ResidentLine(i.resident().id(), m.text(
                "today.agreementOverdue", i.record().description(), i.resident().fullName(), m.date(i.record().dueDate())),
                Due.of(i.record().dueDate(), session.today())))
                .toList();
    }

    public List<ResidentLine> referralsToCheck() {
        Messages m = session.messages();
        return overview.referralsToCheck().stream().map(i -> new ResidentLine(i.resident().id(), m.text(
                "today.referralToCheck", session.label(session.reference().partners(), i.record().partner()),
                i.resident().fullName(), m.date(i.record().checkOn())),
                Due.of(i.record().checkOn(), session.today()))).toList();
    }

    public void open(UUID residentId) {
        navigator.showDossier(residentId);
    }

    private static String address(Resident r) {
        return r.address() + ", " + r.postcode();
    }
}
