package nl.groningen.keukentafel.app.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;

/**
 * The coach's data key, wrapped. A random 256-bit data key encrypts the records; it is stored only
 * wrapped (AES-GCM) under a key derived from the coach's credential with PBKDF2-HMAC-SHA256. A wrong
 * credential fails the GCM tag, so it is told apart from a right one without storing any hash.
 *
 * @param iterations PBKDF2 rounds; stored per file so later versions can raise it
 */
public record Keyring(String kdf, int iterations, byte[] salt, byte[] wrappedKey) {

    public static final String PBKDF2 = "PBKDF2WithHmacSHA256";
    /** OWASP's 2023 advice for PBKDF2-HMAC-SHA256. */
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final int NONCE_BYTES = 12;
    private static final byte[] AAD = "keukentafel/keyring/v1".getBytes(StandardCharsets.UTF_8);

    /** A new random data key, wrapped under the credential. Returns both; the caller keeps the key in memory only. */
    public static Created create(char[] credential, int iterations) {
        SecureRandom random = new SecureRandom();
        byte[] dataKey = new byte[32];
        byte[] salt = new byte[16];
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(dataKey);
        random.nextBytes(salt);
        random.nextBytes(nonce);
        byte[] wrappingKey = derive(credential, salt, iterations);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(AAD);
            byte[] wrapped = cipher.doFinal(dataKey);
            byte[] stored = ByteBuffer.allocate(NONCE_BYTES + wrapped.length).put(nonce).put(wrapped).array();
            return new Created(new Keyring(PBKDF2, iterations, salt, stored), dataKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    /** The data key, or {@link WrongCredentialException} when the credential is not the one it was wrapped under. */
    public byte[] unwrap(char[] credential) {
        if (!PBKDF2.equals(kdf)) {
            throw new LocalStoreException("This database was made by a newer Keukentafel", null);
        }
        byte[] wrappingKey = derive(credential, salt, iterations);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"),
                    new GCMParameterSpec(128, wrappedKey, 0, NONCE_BYTES));
            cipher.updateAAD(AAD);
            return cipher.doFinal(wrappedKey, NONCE_BYTES, wrappedKey.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WrongCredentialException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(wrappingKey, (byte) 0);
        }
    }

    /** Rounds of {@link #warmUpDerivation()}: enough for the JIT to compile the loop (docs/startup.md). */
    private static final int WARM_UP_ROUNDS = 5_000;

    /**
     * Runs the key derivation once, on a made-up password and salt, for a few thousand rounds (tens
     * of milliseconds): the JIT then compiles its loop and SHA-256 onto the processor's instructions,
     * and the coach's own derivation runs compiled from its first round (measured: docs/startup.md).
     * Meant for while the login
     * screen waits for the password. Nothing of it is kept.
     */
    public static void warmUpDerivation() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        Arrays.fill(derive("warm-up".toCharArray(), salt, WARM_UP_ROUNDS), (byte) 0);
    }

    /** PBKDF2-HMAC-SHA256 ({@link Pbkdf2}: the JDK's {@code PBKDF2WithHmacSHA256}, bit for bit, in less time). */
    private static byte[] derive(char[] credential, byte[] salt, int iterations) {
        return Pbkdf2.sha256(credential, salt, iterations);
    }

    /** A new keyring and the data key it wraps. */
    public record Created(Keyring keyring, byte[] dataKey) {
    }
}
