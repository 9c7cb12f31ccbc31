package nl.groningen.keukentafel.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.DeviceSession;
import nl.groningen.keukentafel.server.domain.Enrolment;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Enrolment with a one-time code, device tokens, revocation, and the limit on wrong passwords. */
@ExtendWith(TestStores.class)
class AccountsTest {

    private static final Dataset DEMO = new DemoDataGenerator(1, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO);
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void aOneTimeCodeEnrolsOneDeviceWhoseTokenOpensTheCoachsScopeUntilRevoked(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Accounts accounts = store.accounts();
            accounts.createUser("sanne", Role.COACH, DEMO.coaches().get(0).id(), "geheim wachtwoord".toCharArray());
            String code = accounts.createEnrolmentCode("sanne", Duration.ofDays(1), NOW);

            Enrolment enrolment = accounts.enrol("sanne", "geheim wachtwoord".toCharArray(), code.toLowerCase(), "Laptop 12", NOW);
            Enrolment again = accounts.enrol("sanne", "geheim wachtwoord".toCharArray(), code, "Laptop 13", NOW);

            assertThat(enrolment).isInstanceOf(Enrolment.Enrolled.class);
            assertThat(again).as("a code works once").isInstanceOf(Enrolment.BadCode.class);
            Enrolment.Enrolled enrolled = (Enrolment.Enrolled) enrolment;
            DeviceSession session = accounts.authenticate(enrolled.token(), NOW.plusSeconds(60)).orElseThrow();
            assertThat(session.coachId()).isEqualTo(DEMO.coaches().get(0).id());
            assertThat(session.revoked()).isFalse();
            assertThat(accounts.devices()).singleElement()
                    .satisfies(d -> assertThat(d.lastSeenAt()).isEqualTo(NOW.plusSeconds(60)));
            assertThat(accounts.authenticate(enrolled.token() + "x", NOW)).isEmpty();

            assertThat(accounts.revoke(enrolled.deviceId(), NOW.plusSeconds(120))).isTrue();
            assertThat(accounts.authenticate(enrolled.token(), NOW.plusSeconds(180)).orElseThrow().revoked()).isTrue();
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void fiveWrongPasswordsLockEnrolmentForAWhileEvenWithTheRightOne(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Accounts accounts = store.accounts();
            accounts.createUser("sanne", Role.COACH, DEMO.coaches().get(0).id(), "juist".toCharArray());
            String code = accounts.createEnrolmentCode("sanne", Duration.ofDays(1), NOW);

            for (int i = 0; i < 4; i++) {
                assertThat(accounts.enrol("sanne", "fout".toCharArray(), code, "x", NOW)).isInstanceOf(Enrolment.WrongCredentials.class);
            }
            assertThat(accounts.enrol("sanne", "fout".toCharArray(), code, "x", NOW)).isInstanceOf(Enrolment.LockedOut.class);
            assertThat(accounts.enrol("sanne", "juist".toCharArray(), code, "x", NOW.plusSeconds(60)))
                    .isInstanceOf(Enrolment.LockedOut.class);
            assertThat(accounts.enrol("nobody", "juist".toCharArray(), code, "x", NOW)).isInstanceOf(Enrolment.WrongCredentials.class);

            assertThat(accounts.enrol("sanne", "juist".toCharArray(), code, "x", NOW.plus(Duration.ofMinutes(16))))
                    .isInstanceOf(Enrolment.Enrolled.class);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @MethodSource("nl.groningen.keukentafel.server.storage.TestStores#kinds")
    void anExpiredCodeEnrolsNothing(StoreKind kind, TestStores stores) {
        try (ServerStore store = ServerStore.open(stores.fresh(kind))) {
            store.importDataset(DEMO);
            Accounts accounts = store.accounts();
            accounts.createUser("sanne", Role.COACH, DEMO.coaches().get(0).id(), "juist".toCharArray());
            String code = accounts.createEnrolmentCode("sanne", Duration.ofHours(1), NOW);

            assertThat(accounts.enrol("sanne", "juist".toCharArray(), code, "x", NOW.plus(Duration.ofHours(2))))
                    .isInstanceOf(Enrolment.BadCode.class);
            assertThat(accounts.devices()).isEmpty();
        }
    }
}
