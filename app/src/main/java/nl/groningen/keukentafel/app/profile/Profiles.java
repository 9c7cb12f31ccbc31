package nl.groningen.keukentafel.app.profile;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import nl.groningen.keukentafel.app.store.OwnerOnly;

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

    /**
     * Wipes a coach's database because the office revoked this laptop, and leaves a note of when,
     * so that {@code status} and the next command can say the data was wiped rather than that
     * the coach was never here. The note holds the time only.
     */
    public void wipeRevoked(String userName) throws java.io.IOException {
        wipe(userName);
        Path note = wipedNote(userName);
        if (note != null) {
            OwnerOnly.folder(folder);
            OwnerOnly.file(note);
            java.nio.file.Files.writeString(note, Instant.now().toString());
        }
    }

    /** When this laptop wiped the coach's data because it was revoked, if it did and the coach has not enrolled again. */
    public Optional<Instant> wipedAt(String userName) {
        Path note = wipedNote(userName);
        if (note == null || !java.nio.file.Files.exists(note)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(java.nio.file.Files.readString(note).strip()));
        } catch (java.io.IOException | java.time.format.DateTimeParseException e) {
            return Optional.of(Instant.EPOCH); // wiped; when is not known
        }
    }

    /** Forgets that the coach's data was wiped (they enrolled again). */
    public void forgetWiped(String userName) throws java.io.IOException {
        Path note = wipedNote(userName);
        if (note != null) {
            java.nio.file.Files.deleteIfExists(note);
        }
    }

    private Path wipedNote(String userName) {
        Path file = fileOf(userName);
        return file == null ? null : file.resolveSibling(file.getFileName().toString().replace(".db", ".wiped"));
    }

    /** The database file for a user name, or null when the name cannot be one. */
    public Path fileOf(String userName) {
        String name = userName == null ? "" : userName.trim().toLowerCase(Locale.ROOT);
        return USER_NAME.matcher(name).matches() ? folder.resolve(name + ".db") : null;
    }
}
