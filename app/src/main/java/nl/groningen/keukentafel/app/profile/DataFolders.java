package nl.groningen.keukentafel.app.profile;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where the app keeps its data by default: the operating system's per-user data folder. */
public final class DataFolders {

    private DataFolders() {
    }

    /** %LOCALAPPDATA%\Keukentafel, ~/Library/Application Support/Keukentafel or ~/.local/share/keukentafel. */
    public static Path defaultFolder(String osName, Map<String, String> environment, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String localAppData = environment.get("LOCALAPPDATA");
            Path base = localAppData == null ? home.resolve("AppData").resolve("Local") : Path.of(localAppData);
            return base.resolve("Keukentafel");
        }
        if (os.contains("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Keukentafel");
        }
        String xdg = environment.get("XDG_DATA_HOME");
        Path base = xdg == null || xdg.isBlank() ? home.resolve(".local").resolve("share") : Path.of(xdg);
        return base.resolve("keukentafel");
    }

    /** The default folder on this machine. */
    public static Path defaultFolder() {
        return defaultFolder(System.getProperty("os.name"), System.getenv(), Path.of(System.getProperty("user.home")));
    }
}
