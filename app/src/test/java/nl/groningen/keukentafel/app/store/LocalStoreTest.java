package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store against a real SQLite file. */
class LocalStoreTest {

    private static final Dataset DEMO =
            new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO);

    @TempDir
    Path folder;

    @Test
    void savedResidentsReadBackUnchangedAfterReopening() {
        Path file = folder.resolve("caseload.db");
        try (LocalStore store = LocalStore.open(file)) {
            assertThat(store.isEmpty()).isTrue();
            store.saveResidents(DEMO.residents());
        }
        try (LocalStore store = LocalStore.open(file)) {
            Comparator<Resident> byNumber = Comparator.comparing(Resident::clientNumber);
            List<Resident> read = store.residents().stream().sorted(byNumber).toList();
            assertThat(store.isEmpty()).isFalse();
            assertThat(read).isEqualTo(DEMO.residents().stream().sorted(byNumber).toList());
        }
    }

    @Test
    void theFileIsInWalModeWithTheSchemaMigrated() throws Exception {
        Path file = folder.resolve("caseload.db");
        try (LocalStore store = LocalStore.open(file)) {
            store.saveResidents(DEMO.residents().subList(0, 3));
        }
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             ResultSet mode = raw.createStatement().executeQuery("PRAGMA journal_mode");
             ResultSet version = raw.createStatement().executeQuery(
                     "SELECT MAX(version) FROM flyway_schema_history WHERE success = 1")) {
            assertThat(mode.getString(1)).isEqualToIgnoringCase("wal");
            assertThat(version.getString(1)).isEqualTo("1");
        }
        assertThat(Files.size(file)).isPositive();
    }
}
