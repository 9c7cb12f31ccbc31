package nl.groningen.keukentafel.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with the certificate an operator gives: PEM files as certbot writes them, or a PKCS12
 * keystore. The certificate is self-signed, made by the JDK's keytool for 127.0.0.1. TLS does not
 * touch the database, so these run on SQLite only.
 */
@ExtendWith(TestStores.class)
class TlsTest {

    private static final String PASSWORD = "wachtwoord";

    @TempDir
    static Path folder;
    static Path keystore;
    static Path certificatePem;
    static Path keyPem;
    static SSLContext trustingOurCertificate;

    @BeforeAll
    static void makeASelfSignedCertificate() throws Exception {
        keystore = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = keytool.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        Certificate certificate = store.getCertificate("server");
        PrivateKey key = (PrivateKey) store.getKey("server", PASSWORD.toCharArray());
        certificatePem = Files.writeString(folder.resolve("fullchain.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        keyPem = Files.writeString(folder.resolve("privkey.pem"), pem("PRIVATE KEY", key.getEncoded()));

        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        trustingOurCertificate = SSLContext.getInstance("TLS");
        trustingOurCertificate.init(null, trust.getTrustManagers(), null);
    }

    @Test
    void healthAnswersOverHttpsWithCertbotsPemFiles(TestStores stores) throws Exception {
        assertHealthOverHttps(stores, TlsSettings.pem(certificatePem, keyPem, null));
    }

    @Test
    void healthAnswersOverHttpsWithAPkcs12Keystore(TestStores stores) throws Exception {
        assertHealthOverHttps(stores, TlsSettings.keystore(keystore, PASSWORD));
    }

    @Test
    void aClientThatDoesNotTrustTheCertificateIsTurnedAwayAndPlainHttpIsNotServed(TestStores stores) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(StoreKind.SQLITE));
             SyncServer server = new SyncServer(store, Clock.systemUTC(), TlsSettings.pem(certificatePem, keyPem, null),
                     SyncServer.DEFAULT_SHUTDOWN_GRACE).start("127.0.0.1", 0)) {
            HttpClient defaultTrust = HttpClient.newHttpClient();

            assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
            assertThat(server.routes()).isNotEmpty();
            boolean plainAnswered;
            try {
                plainAnswered = defaultTrust.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                        .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
            } catch (IOException e) {
                plainAnswered = false;
            }
            assertThat(plainAnswered).as("plain HTTP on the TLS port").isFalse();
        }
    }

    private void assertHealthOverHttps(TestStores stores, TlsSettings tls) throws Exception {
        try (ServerStore store = ServerStore.open(stores.fresh(StoreKind.SQLITE));
             SyncServer server = new SyncServer(store, Clock.systemUTC(), tls, SyncServer.DEFAULT_SHUTDOWN_GRACE).start("127.0.0.1", 0)) {
            HttpClient client = HttpClient.newBuilder().sslContext(trustingOurCertificate).build();

            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(server.scheme()).isEqualTo("https");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(response.body()).get("status").asText()).isEqualTo("ok");
            assertThat(response.sslSession()).hasValueSatisfying(session ->
                    assertThat(List.of("TLSv1.2", "TLSv1.3")).contains(session.getProtocol()));
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
