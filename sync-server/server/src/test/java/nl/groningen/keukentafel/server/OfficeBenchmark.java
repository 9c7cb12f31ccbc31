package nl.groningen.keukentafel.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import nl.groningen.keukentafel.server.domain.CaseloadCsv;
import nl.groningen.keukentafel.server.domain.CaseloadImportResult;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.CaseloadImport;
import nl.groningen.keukentafel.server.storage.Reports;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.StoreSettings;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The office's two heavy actions on both stores: every figure of the reports screen over the
 * {@code city} dataset (whole city, one year; median of 5 after one warm-up, target 500 ms), and
 * checking and importing an 11,000-row caseload CSV into a store with its coaches (median of 3,
 * each into a fresh store, target 5000 ms), the CSV checked by {@link CaseloadCsv} as the command
 * line and the office API check it.
 */
@Tag("bench")
class OfficeBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final java.util.List<Path> FOLDERS = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterAll
    static void removeTheSqliteFolders() throws Exception {
        for (Path folder : FOLDERS) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }

    @Test
    void officeReportAndImportOnBothStores() throws Exception {
        Dataset city = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.CITY);
        String csv = csv(city);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            for (StoreKind kind : StoreKind.values()) {
                String suffix = kind == StoreKind.SQLITE ? ".sqlite" : ".pg"; // as SyncBenchmark names them
                try (ServerStore store = ServerStore.open(fresh(kind, postgres))) {
                    store.importDataset(city);
                    Reports reports = new Reports(store);
                    ReportFigures warm = reports.figures(TODAY.minusYears(1).plusDays(1), TODAY, ReportScope.city(), TODAY);
                    double[] millis = new double[5];
                    for (int i = 0; i < millis.length; i++) {
                        long start = System.nanoTime();
                        reports.figures(TODAY.minusYears(1).plusDays(1), TODAY, ReportScope.city(), TODAY);
                        millis[i] = (System.nanoTime() - start) / 1e6;
                    }
                    print("office.report_city_ms" + suffix, median(millis), "ms");
                    System.out.println("# " + kind + ": " + warm.reach().inGroup() + " in the group, "
                            + warm.approaches().conversations() + " conversations in the year");
                }
                double[] imports = new double[3];
                for (int i = 0; i < imports.length; i++) {
                    try (ServerStore store = ServerStore.open(fresh(kind, postgres))) {
                        for (Coach coach : city.coaches()) {
                            store.coaches().add(coach.name(), coach.area()); // new ids: the CSV names coaches by user name
                        }
                        int n = 0;
                        for (var coach : store.coaches().list()) {
                            store.accounts().createUser("coach" + n++, nl.groningen.keukentafel.server.domain.Role.COACH, coach.id(),
                                    "wachtwoord-lang-genoeg".toCharArray());
                        }
                        long start = System.nanoTime();
                        CaseloadCsv.Parsed parsed = CaseloadCsv.read(new StringReader(csv), TODAY);
                        CaseloadImportResult result = new CaseloadImport(store).run(parsed.rows(), parsed.problems(), null, false);
                        imports[i] = (System.nanoTime() - start) / 1e6;
                        if (!result.imported() || result.added() != city.residents().size()) {
                            throw new AssertionError("The import did not store every row: " + result.problems());
                        }
                    }
                }
                print("office.import_city_ms" + suffix, median(imports), "ms");
            }
        }
    }

    /** The city's residents as the office's CSV, each with a coach user name. */
    private static String csv(Dataset city) {
        StringBuilder csv = new StringBuilder("client_number,first_name,surname_prefix,last_name,street,house_number,postcode,wijk,"
                + "date_of_birth,phone,known_at_wij,specialist_team,coach\n");
        java.util.Map<java.util.UUID, Integer> coachNumber = new java.util.HashMap<>();
        for (int i = 0; i < city.coaches().size(); i++) {
            coachNumber.put(city.coaches().get(i).id(), i);
        }
        for (Resident r : city.residents()) {
            csv.append(r.clientNumber()).append(',').append(quote(r.givenName())).append(',')
                    .append(quote(r.surnamePrefix() == null ? "" : r.surnamePrefix())).append(',').append(quote(r.surname())).append(',')
                    .append(quote(r.street())).append(',').append(r.houseNumber()).append(',').append(r.postcode()).append(',')
                    .append(quote(r.wijk())).append(',').append(r.dateOfBirth() == null ? "" : r.dateOfBirth().toString()).append(',')
                    .append(r.phone() == null ? "" : r.phone()).append(',').append(r.knownAtWij() ? "ja" : "nee").append(',')
                    .append(r.specialistTeam() ? "ja" : "nee").append(',')
                    .append(r.coachId() == null ? "" : "coach" + coachNumber.get(r.coachId())).append('\n');
        }
        return csv.toString();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static StoreSettings fresh(StoreKind kind, EmbeddedPostgres postgres) throws Exception {
        if (kind == StoreKind.SQLITE) {
            Path folder = Files.createTempDirectory("keukentafel-office-bench-");
            FOLDERS.add(folder);
            return StoreSettings.embedded(folder);
        }
        String database = "office_bench_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new StoreSettings(postgres.getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static void print(String name, double value, String unit) {
        System.out.println("figure " + name + " " + Math.round(value) + " " + unit);
        System.out.flush();
    }

    static {
        Locale.setDefault(Locale.ROOT);
    }
}
