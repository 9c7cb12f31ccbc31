package nl.groningen.keukentafel.app.store.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import nl.groningen.keukentafel.app.domain.LocalStoreException;

/**
 * Seals and opens record bodies with AES-256-GCM under the coach's data key. Each blob carries a
 * version byte and its own random 96-bit nonce; the record's kind and id are bound in as
 * associated data, so a sealed body cannot be moved to another row unnoticed.
 */
public final class Sealer implements AutoCloseable {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    // A Cipher is not thread-safe but costly to look up; one per thread, initialised per use.
    private final ThreadLocal<Cipher> ciphers = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    });
    private final byte[] keyBytes;
    private SecretKeySpec key;

    public Sealer(byte[] dataKey) {
        this.keyBytes = dataKey.clone();
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    public byte[] seal(String kind, String id, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(kind, id));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public byte[] open(String kind, String id, byte[] blob) {
        if (blob.length < 1 + NONCE_BYTES || blob[0] != VERSION) {
            throw new LocalStoreException("A record in the local database is damaged", null);
        }
        try {
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.DECRYPT_MODE, requireKey(), new GCMParameterSpec(TAG_BITS, blob, 1, NONCE_BYTES));
            cipher.updateAAD(aad(kind, id));
            return cipher.doFinal(blob, 1 + NONCE_BYTES, blob.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new LocalStoreException("A record in the local database is damaged or was tampered with", e);
        }
    }

    /** Forgets the key: after this nothing can be sealed or opened. */
    @Override
    public void close() {
        Arrays.fill(keyBytes, (byte) 0);
        key = null;
    }

    private SecretKeySpec requireKey() {
        if (key == null) {
            throw new IllegalStateException("The local database is locked");
        }
        return key;
    }

    private static byte[] aad(String kind, String id) {
        return (kind + "/" + id).getBytes(StandardCharsets.UTF_8);
    }
}
