package nl.groningen.keukentafel.app.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Place;
import org.junit.jupiter.api.Test;

/** Planning a visit, without JavaFX. */
class AppointmentsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void aVisitNeedsADayATimeAndAPlaceAndNotADayGoneBy() {
        assertThat(Appointments.problem(null, LocalTime.NOON, Place.HOME, TODAY)).contains(Appointments.Problem.INCOMPLETE);
        assertThat(Appointments.problem(TODAY, null, Place.HOME, TODAY)).contains(Appointments.Problem.INCOMPLETE);
        assertThat(Appointments.problem(TODAY, LocalTime.NOON, null, TODAY)).contains(Appointments.Problem.INCOMPLETE);
        assertThat(Appointments.problem(TODAY.minusDays(1), LocalTime.NOON, Place.HOME, TODAY))
                .contains(Appointments.Problem.IN_THE_PAST);
        assertThat(Appointments.problem(TODAY, LocalTime.of(7, 0), Place.HOME, TODAY)).isEmpty();
    }

    @Test
    void aVisitIsAnHourAtTheTimeOnTheCoachsClockKeptInUtc() {
        Appointment visit = Appointments.visit(UUID.randomUUID(), UUID.randomUUID(), TODAY, LocalTime.of(16, 45),
                ZoneId.of("Europe/Amsterdam"), Place.HOME);

        assertThat(visit.startsAt()).isEqualTo(Instant.parse("2026-11-22T15:45:00Z"));
        assertThat(visit.durationMinutes()).isEqualTo(60);
    }
}
