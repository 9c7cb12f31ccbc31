package nl.groningen.keukentafel.app.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import nl.groningen.keukentafel.app.profile.Preconfiguration.Setting;
import nl.groningen.keukentafel.app.profile.Preconfiguration.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which server a laptop talks to: the command line, then -D, then IT's machine config, then the user's settings. */
class PreconfigurationTest {

    @TempDir
    Path folder;

    private final Map<String, String> systemProperties = new HashMap<>();

    @Test
    void eachSourceGivesWayToTheOneBeforeIt() throws IOException {
        Path machine = write("machine.properties", "server.url = https://machine.example\nenrolment.code = AAAA-BBBB-CCCC\n");
        Path user = write("settings.properties", "server.url=https://user.example\n");

        assertThat(config(machine, user).serverUrl(null)).isEqualTo(new Setting("https://machine.example", Source.MACHINE_CONFIG));
        assertThat(config(machine, user).enrolmentCode(null)).isEqualTo(new Setting("AAAA-BBBB-CCCC", Source.MACHINE_CONFIG));

        systemProperties.put("keukentafel.server.url", "https://property.example");
        assertThat(config(machine, user).serverUrl(null)).isEqualTo(new Setting("https://property.example", Source.SYSTEM_PROPERTY));
        assertThat(config(machine, user).serverUrl("https://option.example"))
                .isEqualTo(new Setting("https://option.example", Source.COMMAND_LINE));

        assertThat(config(folder.resolve("absent"), user).serverUrl(null).source()).isEqualTo(Source.SYSTEM_PROPERTY);
        systemProperties.clear();
        assertThat(config(folder.resolve("absent"), user).serverUrl(null)).isEqualTo(new Setting("https://user.example", Source.USER_SETTINGS));
        assertThat(config(folder.resolve("absent"), folder.resolve("none")).serverUrl("  ")).isEqualTo(new Setting(null, Source.NONE));
    }

    @Test
    void anEnrolledLaptopFollowsTheServerTheCommandLineThenTheMachineConfigThenTheSettingsName() throws IOException {
        String enrolledWith = "https://old.example";
        Path machine = write("machine.properties", "server.url = https://machine.example\n");
        Path user = write("settings.properties", "server.url=https://user.example\n");
        Path none = folder.resolve("absent");

        assertThat(config(none, none).syncServer(null, enrolledWith)).isEqualTo(new Setting(enrolledWith, Source.ENROLMENT));
        assertThat(config(none, user).syncServer(null, enrolledWith)).isEqualTo(new Setting("https://user.example", Source.USER_SETTINGS));
        assertThat(config(machine, user).syncServer(null, enrolledWith))
                .isEqualTo(new Setting("https://machine.example", Source.MACHINE_CONFIG));
        assertThat(config(machine, user).syncServer("https://new.example", enrolledWith))
                .isEqualTo(new Setting("https://new.example", Source.COMMAND_LINE));
    }

    @Test
    void conversationsStayTwelveMonthsUnlessITSetsAnotherWholeNumberOfAtLeastOne() throws IOException {
        Path none = folder.resolve("absent");
        assertThat(config(none, none).conversationRetentionMonths()).isEqualTo(12);

        Path machine = write("machine.properties", "retention.conversation.months = 6\n");
        assertThat(config(machine, none).conversationRetentionMonths()).isEqualTo(6);
        systemProperties.put("keukentafel.retention.conversation.months", "24");
        assertThat(config(machine, none).conversationRetentionMonths()).as("-D goes before the machine config").isEqualTo(24);

        systemProperties.put("keukentafel.retention.conversation.months", "0");
        assertThat(config(machine, none).conversationRetentionMonths()).as("at least a month").isEqualTo(1);
        systemProperties.put("keukentafel.retention.conversation.months", "een jaar");
        assertThat(config(machine, none).conversationRetentionMonths()).as("not a number: the default").isEqualTo(12);
    }

    @Test
    void theSettingsFileIsForTheUserOnly() throws IOException {
        Path user = folder.resolve("data").resolve("settings.properties");
        config(folder.resolve("absent"), user).rememberServer("https://typed.example");

        if (Files.getFileAttributeView(user, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(user))).isEqualTo("rw-------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(user.getParent())))
                    .isEqualTo("rwx------");
        }
    }

    @Test
    void readsTheIniFileTheWindowsInstallerWrites() throws IOException {
        Path machine = write("keukentafel.properties", "[keukentafel]\r\nserver.url=https://sync.groningen.example\r\n");

        assertThat(config(machine, folder.resolve("none")).serverUrl(null).value()).isEqualTo("https://sync.groningen.example");
        assertThat(config(machine, folder.resolve("none")).enrolmentCode(null).value()).isNull();
    }

    @Test
    void aBrokenFileIsPassedOverNotFatal() throws IOException {
        Path broken = write("broken.properties", "server.url=\\uZZZZ\n");
        Path notUtf8 = folder.resolve("latin1.properties");
        Files.write(notUtf8, "server.url=https://caf\u00e9.example\n".getBytes(StandardCharsets.ISO_8859_1));
        Path user = write("settings.properties", "server.url=https://user.example\n");

        assertThat(config(broken, user).serverUrl(null).value()).isEqualTo("https://user.example");
        assertThat(config(notUtf8, user).serverUrl(null).value()).isEqualTo("https://user.example");
    }

    @Test
    void theServerACoachEnrolledWithIsRememberedForTheNextStart() throws IOException {
        Path user = folder.resolve("data").resolve("settings.properties");
        config(folder.resolve("absent"), user).rememberServer("https://typed.example");

        assertThat(config(folder.resolve("absent"), user).serverUrl(null))
                .isEqualTo(new Setting("https://typed.example", Source.USER_SETTINGS));
        Path machine = write("machine.properties", "server.url=https://machine.example\n");
        assertThat(config(machine, user).serverUrl(null).value()).isEqualTo("https://machine.example");
    }

    @Test
    void theMachineConfigLivesWhereEachSystemKeepsMachineWideSettings() {
        assertThat(Preconfiguration.machineConfig("Linux", Map.of())).isEqualTo(Path.of("/etc/keukentafel/keukentafel.properties"));
        assertThat(Preconfiguration.machineConfig("Mac OS X", Map.of()))
                .isEqualTo(Path.of("/Library/Application Support/Keukentafel/keukentafel.properties"));
        assertThat(Preconfiguration.machineConfig("Windows 11", Map.of("ProgramData", "D:\\ProgramData")))
                .isEqualTo(Path.of("D:\\ProgramData", "Keukentafel", "keukentafel.properties"));
        assertThat(Preconfiguration.machineConfig("Linux", Map.of("KEUKENTAFEL_MACHINE_CONFIG", "/tmp/k.properties")))
                .isEqualTo(Path.of("/tmp/k.properties"));
    }

    private Preconfiguration config(Path machine, Path user) {
        return new Preconfiguration(systemProperties::get, machine, user);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
