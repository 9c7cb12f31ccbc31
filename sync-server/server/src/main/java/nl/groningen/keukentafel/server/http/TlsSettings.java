package nl.groningen.keukentafel.server.http;

import java.nio.file.Path;

/**
 * The server's TLS identity: a PEM certificate chain with its private key (what certbot writes as
 * {@code fullchain.pem} and {@code privkey.pem}), or a PKCS12 keystore. The password is never printed.
 */
public record TlsSettings(Path certificate, Path privateKey, Path keystore, String password) {

    /** A PEM certificate chain and private key; the password only for an encrypted key, else null. */
    public static TlsSettings pem(Path certificateChain, Path privateKey, String keyPassword) {
        return new TlsSettings(certificateChain, privateKey, null, keyPassword);
    }

    /** A PKCS12 keystore holding the key and its certificate chain. */
    public static TlsSettings keystore(Path keystore, String password) {
        return new TlsSettings(null, null, keystore, password);
    }

    boolean isPem() {
        return keystore == null;
    }

    @Override
    public String toString() {
        return isPem() ? "TlsSettings[pem " + certificate + ", " + privateKey + "]" : "TlsSettings[keystore " + keystore + "]";
    }
}
