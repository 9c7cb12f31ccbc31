package nl.groningen.keukentafel.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** Where each enrolled coach's database lives: one SQLite file per coach in the data folder. */
public final class Profiles {

    private static final Pattern USER_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final Path folder;

    public Profiles(Path dataFolder) {
        this.folder = dataFolder.resolve("coaches");
    }

    /** The database file for a user name, or null when the name cannot be one. */
    public Path fileOf(String userName) {
        String name = userName == null ? "" : userName.trim().toLowerCase(Locale.ROOT);
        return USER_NAME.matcher(name).matches() ? folder.resolve(name + ".db") : null;
    }
}
