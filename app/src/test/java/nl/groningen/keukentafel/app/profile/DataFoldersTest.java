package nl.groningen.keukentafel.app.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataFoldersTest {

    private final Path home = Path.of("/home/coach");

    @Test
    void linuxUsesTheXdgDataFolder() {
        assertThat(DataFolders.defaultFolder("Linux", Map.of(), home)).isEqualTo(Path.of("/home/coach/.local/share/keukentafel"));
        assertThat(DataFolders.defaultFolder("Linux", Map.of("XDG_DATA_HOME", "/data"), home)).isEqualTo(Path.of("/data/keukentafel"));
    }

    @Test
    void windowsUsesLocalAppData() {
        assertThat(DataFolders.defaultFolder("Windows 11", Map.of("LOCALAPPDATA", "/c/Users/coach/AppData/Local"), home))
                .isEqualTo(Path.of("/c/Users/coach/AppData/Local/Keukentafel"));
    }

    @Test
    void macUsesApplicationSupport() {
        assertThat(DataFolders.defaultFolder("Mac OS X", Map.of(), home))
                .isEqualTo(Path.of("/home/coach/Library/Application Support/Keukentafel"));
    }
}
