package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.ZoneId;

/** One line of a resident's dossier timeline: what happened when, pointing at the record. */
public record TimelineEntry(LocalDate date, Kind kind, Object record) {

    /** The kinds of record a timeline shows. */
    public enum Kind { CONTACT_ATTEMPT, APPOINTMENT, CONVERSATION, DRAFT, AGREEMENT, REFERRAL }

    /** All of a resident's records as one timeline, newest first. */
    public static List<TimelineEntry> of(ResidentRecords records, ZoneId zone) {
        List<TimelineEntry> entries = new ArrayList<>();
        records.contactAttempts().forEach(a -> entries.add(new TimelineEntry(a.date(), Kind.CONTACT_ATTEMPT, a)));
        records.appointments().forEach(a -> entries.add(
                new TimelineEntry(a.startsAt().atZone(zone).toLocalDate(), Kind.APPOINTMENT, a)));
        records.conversations().forEach(c -> entries.add(new TimelineEntry(c.date(), Kind.CONVERSATION, c)));
        records.drafts().forEach(d -> entries.add(new TimelineEntry(d.conversation().date(), Kind.DRAFT, d)));
        records.agreements().forEach(a -> entries.add(new TimelineEntry(a.dueDate(), Kind.AGREEMENT, a)));
        records.referrals().forEach(r -> entries.add(new TimelineEntry(r.referredOn(), Kind.REFERRAL, r)));
        entries.sort(Comparator.comparing(TimelineEntry::date).reversed().thenComparing(TimelineEntry::kind));
        return entries;
    }
}
