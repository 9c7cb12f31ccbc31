package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Place;

/** Visits (or calls) the coach plans with a resident: a day, a time and a place, today or later, an hour long. */
public final class Appointments {

    /** How long a planned visit is. */
    public static final int VISIT_MINUTES = 60;

    /** Why a visit cannot be planned as it stands. */
    public enum Problem {
        /** No day, time or place. */
        INCOMPLETE,
        /** The day has gone. */
        IN_THE_PAST
    }

    private Appointments() {
    }

    /** What is wrong with the visit, if anything. */
    public static Optional<Problem> problem(LocalDate day, LocalTime time, Place place, LocalDate today) {
        if (day == null || time == null || place == null) {
            return Optional.of(Problem.INCOMPLETE);
        }
        if (day.isBefore(today)) {
            return Optional.of(Problem.IN_THE_PAST);
        }
        return Optional.empty();
    }

    /** The visit at {@code time} on {@code day} as the coach's clock reads it ({@code zone}), kept as an instant. */
    public static Appointment visit(UUID id, UUID residentId, LocalDate day, LocalTime time, ZoneId zone, Place place) {
        return new Appointment(id, residentId, day.atTime(time).atZone(zone).toInstant(), VISIT_MINUTES, place);
    }

    /** The same visit (same id, so the server and other laptops replace it) on another day, time or place. */
    public static Appointment moved(Appointment visit, LocalDate day, LocalTime time, ZoneId zone, Place place) {
        return new Appointment(visit.id(), visit.residentId(), day.atTime(time).atZone(zone).toInstant(),
                visit.durationMinutes(), place);
    }

    /** Whether the visit can still be moved or cancelled: it is today or later. */
    public static boolean ahead(Appointment visit, LocalDate today, ZoneId zone) {
        return !visit.startsAt().atZone(zone).toLocalDate().isBefore(today);
    }
}
