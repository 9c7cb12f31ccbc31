package nl.groningen.keukentafel.app.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.store.LocalStore;
import org.sqlite.SQLiteDataSource;

/**
 * Where the login's background work goes, in a fresh JVM, step by step, without the UI: what the
 * app does in {@code Keukentafel.openSession}, taken apart. Each step is timed the first time it runs
 * in this JVM (cold, as at a real start), wall clock and CPU of this thread. Steps that the app
 * does inside {@code LocalStore.unlock} (open SQLite, the schema version check) are redone here by
 * hand the way the store does them, so that {@code LocalStore.unlock} itself then shows what is
 * left: mostly the app's own key derivation ({@code Pbkdf2}). The JDK's PBKDF2 on the same
 * password, salt and rounds runs before it, for comparison ({@code jdk_pbkdf2_...}; it also warms
 * SHA-256 up a little). Prints {@code unlock-probe STEP WALL_MS CPU_MS} lines, then a few counts.
 *
 * <p>Arguments: the coach's database file, the password.
 */
public final class UnlockProbe {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private UnlockProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        char[] password = args[1].toCharArray();
        SQLiteDataSource dataSource = LocalStore.dataSource(file);

        Object[] keyring = step("sqlite_open_read_keyring", () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet row = s.executeQuery("SELECT iterations, salt FROM keyring WHERE id = 1")) {
                row.next();
                return new Object[] {row.getInt(1), row.getBytes(2)};
            }
        });
        step("schema_version_check", () -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                 ResultSet last = s.executeQuery(
                         "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")) {
                return last.next() ? last.getString(1) : null;
            }
        });
        step("jdk_pbkdf2_" + keyring[0] + "_rounds", () -> {
            PBEKeySpec spec = new PBEKeySpec(password, (byte[]) keyring[1], (Integer) keyring[0], 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        });
        LocalStore store = step("LocalStore.unlock_with_its_pbkdf2", () -> LocalStore.unlock(file, password.clone()));
        step("LocalStore.residents_cold", store.sealedRecords()::residents);
        Caseload caseload = step("LocalStore.caseload_cold", store.sealedRecords()::caseload);
        step("LocalStore.caseload_again", store.sealedRecords()::caseload);
        step("coach_reference_socialmap", () -> {
            store.referenceTable().coach();
            store.referenceTable().referenceData();
            return store.referenceTable().socialMap();
        });
        store.close();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT kind, COUNT(*), SUM(LENGTH(sealed)) FROM record GROUP BY kind ORDER BY kind")) {
            StringBuilder counts = new StringBuilder("unlock-probe records");
            while (rows.next()) {
                counts.append(' ').append(rows.getString(1)).append('=').append(rows.getInt(2))
                        .append(" (").append(rows.getLong(3) >> 10).append(" KiB)");
            }
            System.out.println(counts + "; residents=" + caseload.residents().size());
        }
        System.out.flush();
        System.exit(0);
    }

    private static <T> T step(String name, Callable<T> work) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = work.call();
        long wall = System.nanoTime() - start;
        cpu = THREADS.getCurrentThreadCpuTime() - cpu;
        System.out.println("unlock-probe " + name + " " + wall / 1_000_000 + " " + cpu / 1_000_000);
        return result;
    }
}
