package nl.groningen.keukentafel.app.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.store.TestLocalStores;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.SqliteBackup;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync engine after the server was restored from a backup: what the laptop had answered after
 * the backup goes again, before anything newer, and a sync cut off halfway loses and doubles nothing.
 */
class ResendAfterRestoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    @TempDir
    Path folder;
    private StoreSettings settings;
    private ServerStore server;
    private LocalStore laptop;
    private Resident resident;
    private Path backup;
    /** Pushes that fail after the server applied them (the answer lost), from now on, while above zero. */
    private int answersToLose;

    @BeforeEach
    void aLaptopInSyncAndABackup() throws Exception {
        settings = StoreSettings.embedded(java.nio.file.Files.createDirectories(folder.resolve("server")));
        server = ServerStore.open(settings);
        server.importDataset(SyncEngineTest.twoResidents());
        laptop = TestLocalStores.create(folder.resolve("laptop.db"), "wachtwoord".toCharArray());
        laptop.syncState().saveEnrolment(new SyncState.Enrolled("test://server", UUID.nameUUIDFromBytes(new byte[] {1}), "token"));
        sync(CLOCK);
        resident = laptop.sealedRecords().residents().stream().min(Comparator.comparing(Resident::id)).orElseThrow();
        backup = folder.resolve("backup.db");
        SqliteBackup.backup(settings.sqliteFile(), backup);
    }

    @AfterEach
    void close() {
        if (laptop != null) {
            laptop.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aChangeMadeAfterTheRestoreReachesTheServerAfterTheOlderOneSentAgain() {
        laptop.recordWriter().saveResident(SyncEngineTest.withPhone(resident, "06-22222222"));
        sync(CLOCK);
        restore();
        laptop.recordWriter().saveResident(SyncEngineTest.withPhone(resident, "06-33333333")); // its base: the phone the restored server lost

        SyncEngine.Outcome outcome = sync(CLOCK);

        assertThat(outcome.pushed()).isEqualTo(2);
        assertThat(outcome.conflicts()).as("sent in the order made, the newer change merges cleanly").isZero();
        assertThat(phoneOnServer()).isEqualTo("06-33333333");
        assertThat(laptop.outbox().waiting()).isZero();
        assertThat(laptop.syncState().serverEpoch()).isEqualTo(server.epoch());
        assertThat(sync(CLOCK).pushed()).as("once the new epoch is known nothing goes again").isZero();
    }

    @Test
    void aSyncCutOffDuringTheResendLosesNothingAndAppliesNothingTwice() {
        laptop.recordWriter().saveResident(SyncEngineTest.withPhone(resident, "06-22222222"));
        laptop.recordWriter().saveResident(SyncEngineTest.withPhone(laptop.sealedRecords().residents().stream().filter(r -> !r.id().equals(resident.id()))
                .findFirst().orElseThrow(), "06-44444444"));
        sync(CLOCK);
        String before = laptop.syncState().serverEpoch();
        restore();

        answersToLose = 1;
        assertThatThrownBy(() -> new SyncEngine(laptop.outbox(), laptop.pulledPages(), laptop.syncState(), laptop.referenceTable(),
                enrolled -> transport(), CLOCK).syncOnce((done, total) -> { }))
                .isInstanceOf(SyncException.class);
        assertThat(laptop.syncState().serverEpoch()).as("not stored before the re-send was answered").isEqualTo(before);
        assertThat(laptop.outbox().waiting()).as("the re-sent changes wait again").isEqualTo(2);

        sync(CLOCK);

        assertThat(laptop.outbox().waiting()).isZero();
        assertThat(laptop.syncState().serverEpoch()).isEqualTo(server.epoch());
        assertThat(phoneOnServer()).isEqualTo("06-22222222");
        assertThat(changesLoggedTwice()).isZero();
    }

    @Test
    void aChangeToAResidentWhoMovedMeanwhileIsTakenAgainAsItWasTheFirstTime() {
        server.assign(resident.id(), SyncEngineTest.PIETER.id(), CLOCK.instant()); // the laptop does not know yet
        backup = folder.resolve("backup-after-the-move.db");
        SqliteBackup.backup(settings.sqliteFile(), backup);
        laptop.recordWriter().saveResident(SyncEngineTest.withPhone(resident, "06-55555555"));
        sync(CLOCK); // taken (made before the laptop knew), and then the laptop lets the resident go
        assertThat(laptop.sealedRecords().residents()).extracting(Resident::id).doesNotContain(resident.id());
        restore();

        SyncEngine.Outcome outcome = sync(CLOCK);

        assertThat(outcome.refused()).as("judged by the cursor it was first pushed with, not the laptop's cursor now").isZero();
        assertThat(laptop.outbox().refusals()).isEmpty();
        assertThat(server.caseloadOf(SyncEngineTest.PIETER.id())).filteredOn(r -> r.id().equals(resident.id())).singleElement()
                .extracting(Resident::phone).isEqualTo("06-55555555");
    }

    @Test
    void sentChangesOlderThanTheRetentionAreForgottenAtASync() {
        laptop.recordWriter().saveResident(SyncEngineTest.withPhone(resident, "06-22222222"));
        sync(CLOCK);
        assertThat(laptop.outbox().sentKept()).isEqualTo(1);

        sync(Clock.offset(CLOCK, SyncEngine.SENT_KEPT.minusMinutes(1)));
        assertThat(laptop.outbox().sentKept()).isEqualTo(1);
        sync(Clock.offset(CLOCK, SyncEngine.SENT_KEPT.plusMinutes(1)));
        assertThat(laptop.outbox().sentKept()).isZero();
    }

    private SyncEngine.Outcome sync(Clock clock) {
        try {
            return new SyncEngine(laptop.outbox(), laptop.pulledPages(), laptop.syncState(), laptop.referenceTable(),
                    enrolled -> transport(), clock).syncOnce((done, total) -> { });
        } catch (SyncException e) {
            throw new AssertionError(e);
        }
    }

    /** The server goes down, last night's backup goes back (as {@code restore} does), and it starts again. */
    private void restore() {
        server.close();
        SqliteBackup.restore(settings.sqliteFile(), backup, Instant.now());
        server = ServerStore.open(settings);
        assertThat(phoneOf(resident.id())).as("the restored server lost the change").isEqualTo(resident.phone());
    }

    private String phoneOnServer() {
        return phoneOf(resident.id());
    }

    private String phoneOf(UUID residentId) {
        return java.util.stream.Stream.of(SyncEngineTest.SANNE, SyncEngineTest.PIETER)
                .flatMap(coach -> server.caseloadOf(coach.id()).stream()).filter(r -> r.id().equals(residentId))
                .findFirst().orElseThrow().phone();
    }

    private long changesLoggedTwice() {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + settings.sqliteFile());
             ResultSet row = connection.createStatement().executeQuery(
                     "SELECT COUNT(*) FROM (SELECT change_id FROM change_log GROUP BY change_id HAVING COUNT(*) > 1)")) {
            row.next();
            return row.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The server as Sanne's laptop reaches it, without HTTP; may lose answers after the server applied the push. */
    private SyncTransport transport() {
        UUID coach = SyncEngineTest.SANNE.id();
        return new SyncTransport() {
            @Override
            public PushResponse push(PushRequest request) throws SyncException {
                PushResponse response = new PushResponse(server.push(coach, request.cursor(), request.changes()), server.epoch());
                if (answersToLose > 0) {
                    answersToLose--;
                    throw new SyncException(SyncFailure.OFFLINE, "answer lost", null);
                }
                return response;
            }

            @Override
            public PullPage pull(long after, int limit) {
                return server.pull(coach, after, limit);
            }
        };
    }
}
