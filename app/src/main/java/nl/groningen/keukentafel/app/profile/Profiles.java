package nl.groningen.keukentafel.app.profile;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where each enrolled coach's database lives: one SQLite file per coach in the data folder. */
public final class Profiles {

    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path folder;

    public Profiles(Path dataFolder) {
        this.folder = dataFolder.resolve("coaches");
    }

    /** Whether no coach has a database on this laptop yet (its first start, unless in demo). */
    public boolean none() {
        try (var files = java.nio.file.Files.list(folder)) {
            return files.noneMatch(f -> f.getFileName().toString().endsWith(".db"));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** The one coach enrolled on this laptop (the usual case), or null when there are none or several. */
    public String onlyUser() {
        try (var files = java.nio.file.Files.list(folder)) {
            List<String> users = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".db"))
                    .map(n -> n.substring(0, n.length() - 3)).toList();
            return users.size() == 1 ? users.get(0) : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * Removes a coach's database and its WAL and shared-memory files from this laptop (a revoked
     * device, or an enrolment that failed before anything was stored). Returns whether it existed.
     */
    public boolean wipe(String userName) throws java.io.IOException {
        Path file = fileOf(userName);
        if (file == null) {
            return false;
        }
        boolean existed = java.nio.file.Files.deleteIfExists(file);
        for (String suffix : List.of("-wal", "-shm", "-journal")) {
            java.nio.file.Files.deleteIfExists(file.resolveSibling(file.getFileName() + suffix));
        }
        return existed;
    }

    /** The database file for a user name, or null when the name cannot be one. */
    public Path fileOf(String userName) {
        String name = userName == null ? "" : userName.trim().toLowerCase(Locale.ROOT);
        return USER_NAME.matcher(name).matches() ? folder.resolve(name + ".db") : null;
    }
}
