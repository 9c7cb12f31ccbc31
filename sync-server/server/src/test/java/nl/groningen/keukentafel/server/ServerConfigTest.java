package nl.groningen.keukentafel.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.ServerCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's settings: command line over environment over file over default, and a clear word for a wrong one. */
class ServerConfigTest {

    @TempDir
    Path folder;

    @Test
    void anOptionBeatsTheEnvironmentWhichBeatsTheFileWhichBeatsTheDefault() throws IOException {
        Path file = write("server.properties", """
                # ours
                port = 9001
                host = localhost
                log.level = warn
                data.dir = %s
                """.formatted(folder.resolve("from-file").toString().replace("\\", "\\\\")));
        Map<String, String> environment = Map.of("KEUKENTAFEL_PORT", "9002", "KEUKENTAFEL_SHUTDOWN_GRACE_SECONDS", "5");

        ServerConfig fileOnly = resolve(Map.of(), Map.of(), file);
        ServerConfig fileAndEnvironment = resolve(Map.of(), environment, file);
        ServerConfig all = resolve(Map.of(ConfigKey.PORT, "9003"), environment, file);
        ServerConfig nothing = resolve(Map.of(ConfigKey.DATA_DIR, folder.resolve("d").toString()), Map.of(), null);

        assertThat(fileOnly.port()).isEqualTo(9001);
        assertThat(fileOnly.host()).isEqualTo("localhost");
        assertThat(fileOnly.logLevel()).isEqualTo("WARN");
        assertThat(fileOnly.store().jdbcUrl()).contains("from-file");
        assertThat(fileAndEnvironment.port()).isEqualTo(9002);
        assertThat(fileAndEnvironment.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
        assertThat(all.port()).isEqualTo(9003);
        assertThat(nothing.port()).isEqualTo(8765);
        assertThat(nothing.host()).isEqualTo("127.0.0.1");
        assertThat(nothing.tls()).isNull();
        assertThat(nothing.shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(nothing.store().kind()).isEqualTo(StoreKind.SQLITE);
    }

    @Test
    void postgresIsReachedWithTheUrlAndUserFromTheFileAndThePasswordFromTheEnvironment() throws IOException {
        Path file = write("server.properties", "jdbc.url = jdbc:postgresql://db.example/keukentafel\njdbc.user = kt\n");

        ServerConfig config = resolve(Map.of(), Map.of("KEUKENTAFEL_JDBC_PASSWORD", "geheim"), file);

        assertThat(config.store().kind()).isEqualTo(StoreKind.POSTGRESQL);
        assertThat(config.store().user()).isEqualTo("kt");
        assertThat(config.store().password()).isEqualTo("geheim");
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() throws IOException {
        Path file = write("server.properties", "# comment\nport = 9000\nprot = 80\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("regel 3")
                .hasMessageContaining("onbekende sleutel 'prot'")
                .hasMessageContaining("Bekende sleutels: host, port");
    }

    @Test
    void aWrongValueNamesTheKeyTheValueAndWhereItWasSet() throws IOException {
        Path file = write("server.properties", "host = 127.0.0.1\nport = tachtig\nallow.plain.http = misschien\n");

        assertThatThrownBy(() -> resolve(Map.of(), Map.of(), file))
                .hasMessage("port 'tachtig' (instellingenbestand " + file + " regel 2) is geen heel getal van 0 tot en met 65535.");
        assertThatThrownBy(() -> resolve(Map.of(ConfigKey.PORT, "1"), Map.of(), file))
                .hasMessageContaining("allow.plain.http 'misschien' (instellingenbestand " + file + " regel 3) is niet true of false");
        assertThatThrownBy(() -> resolve(Map.of(ConfigKey.DATA_DIR, folder.toString()), Map.of("KEUKENTAFEL_LOG_LEVEL", "loud"), null))
                .hasMessageContaining("log.level 'loud' (omgevingsvariabele KEUKENTAFEL_LOG_LEVEL) is geen logniveau");
    }

    @Test
    void aCertificateWithoutItsKeyIsRefusedBeforeAnythingStarts() throws IOException {
        Path cert = write("fullchain.pem", "-----BEGIN CERTIFICATE-----\n");

        assertThatThrownBy(() -> resolve(Map.of(ConfigKey.TLS_CERT, cert.toString()), Map.of(), null))
                .hasMessageContaining("tls.cert is gegeven (optie --tls-cert) maar tls.key (de privésleutel, bijvoorbeeld privkey.pem) niet");
        assertThatThrownBy(() -> resolve(Map.of(ConfigKey.TLS_CERT, cert.toString(),
                ConfigKey.TLS_KEY, folder.resolve("missing.pem").toString()), Map.of(), null))
                .hasMessageContaining("tls.key '" + folder.resolve("missing.pem") + "' (optie --tls-key) is geen bestand");
    }

    @Test
    void plainHttpOnAnOpenAddressIsRefusedUnlessAllowed() {
        Map<ConfigKey, String> open = Map.of(ConfigKey.HOST, "0.0.0.0", ConfigKey.DATA_DIR, folder.toString());

        assertThatThrownBy(() -> resolve(open, Map.of(), null))
                .hasMessageStartingWith("Gewoon HTTP op 0.0.0.0 geweigerd")
                .hasMessageContaining("--allow-plain-http");
        assertThat(resolve(open, Map.of("KEUKENTAFEL_ALLOW_PLAIN_HTTP", "true"), null).allowPlainHttp()).isTrue();
        assertThat(resolve(Map.of(ConfigKey.HOST, "localhost", ConfigKey.DATA_DIR, folder.toString()), Map.of(), null).host())
                .isEqualTo("localhost");
    }

    @Test
    void serveExitsWithCodeTwoAndOneSentenceForAWrongSetting() throws IOException {
        Path file = write("server.properties", "\n\nport = 99999\n");

        Result badFile = serve("--config", file.toString());
        Result badFileFromEnvironment = ServerCli.run(Map.of("KEUKENTAFEL_CONFIG", file.toString()), "serve");
        Result openWithoutTls = serve("--host", "0.0.0.0", "--data-dir", folder.toString());

        assertThat(badFile.exit()).isEqualTo(2);
        assertThat(badFile.err().trim()).isEqualTo("Fout in de instellingen: port '99999' (instellingenbestand " + file
                + " regel 3) is geen heel getal van 0 tot en met 65535.");
        assertThat(badFileFromEnvironment.exit()).isEqualTo(2);
        assertThat(badFileFromEnvironment.err()).contains("regel 3");
        assertThat(openWithoutTls.exit()).isEqualTo(2);
        assertThat(openWithoutTls.err()).startsWith("Fout in de instellingen: Gewoon HTTP op 0.0.0.0 geweigerd");
    }

    @Test
    void theExampleConfigFileDocumentsEveryKeyAndNothingElse() throws IOException {
        String example = Files.readString(Path.of("src/main/dist/keukentafel-server.example.properties"));
        Matcher keys = Pattern.compile("(?m)^#([a-z.]+) =").matcher(example);
        StringBuilder uncommented = new StringBuilder();
        Set<String> documented = new TreeSet<>();
        while (keys.find()) {
            documented.add(keys.group(1));
            uncommented.append(keys.group(1)).append(" = x\n");
        }

        assertThat(documented).isEqualTo(Arrays.stream(ConfigKey.values()).map(ConfigKey::key).collect(Collectors.toCollection(TreeSet::new)));
        Path file = write("all.properties", uncommented.toString());
        assertThat(ConfigFile.read(file).value(ConfigKey.HOST)).isEqualTo("x");
    }

    private ServerConfig resolve(Map<ConfigKey, String> options, Map<String, String> environment, Path file) {
        Map<ConfigKey, String> given = new EnumMap<>(ConfigKey.class);
        given.putAll(options);
        return ServerConfig.resolve(new ConfigSources(given, environment, file == null ? null : ConfigFile.read(file)));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(folder.resolve(name), text);
    }


    private Result serve(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "serve";
        System.arraycopy(args, 0, all, 1, args.length);
        return ServerCli.run(Map.of(), all);
    }
}
