package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;

/**
 * What a coach sees first (Vandaag): today's appointments in time order; next contacts due within
 * fourteen days or overdue; the coach's own agreements past their due date ("I'll look into it for
 * you... and then you hear nothing" must not happen); referrals whose check date has come.
 */
public record TodayOverview(
        List<Item<Appointment>> appointments,
        List<Resident> contactsDue,
        List<Item<Agreement>> overdueAgreements,
        List<Item<Referral>> referralsToCheck) {

    /** A record with the resident it belongs to. */
    public record Item<T>(Resident resident, T record) {
    }

    public static TodayOverview of(Caseload caseload, LocalDate today, ZoneId zone) {
        List<Item<Appointment>> appointments = new ArrayList<>();
        List<Resident> due = new ArrayList<>();
        List<Item<Agreement>> agreements = new ArrayList<>();
        List<Item<Referral>> referrals = new ArrayList<>();
        for (Resident resident : caseload.residents()) {
            ResidentRecords records = caseload.recordsOf(resident.id());
            for (Appointment a : records.appointments()) {
                if (a.startsAt().atZone(zone).toLocalDate().equals(today)) {
                    appointments.add(new Item<>(resident, a));
                }
            }
            if (NextContact.dueSoonOrOverdue(resident.nextContactDue(), today)) {
                due.add(resident);
            }
            for (Agreement a : records.agreements()) {
                if (a.owner() == AgreementOwner.COACH && a.status() == AgreementStatus.OPEN
                        && Due.of(a.dueDate(), today) == Due.LATE) {
                    agreements.add(new Item<>(resident, a));
                }
            }
            for (Referral r : records.referrals()) {
                if (Referrals.isOpen(r) && r.checkOn() != null && !r.checkOn().isAfter(today)) {
                    referrals.add(new Item<>(resident, r));
                }
            }
        }
        appointments.sort(Comparator.comparing(i -> i.record().startsAt()));
        due.sort(Comparator.comparing(Resident::nextContactDue).thenComparing(CaseloadOrder.bySurname()));
        agreements.sort(Comparator.comparing(i -> i.record().dueDate()));
        referrals.sort(Comparator.comparing(i -> i.record().checkOn()));
        return new TodayOverview(appointments, due, agreements, referrals);
    }
}
