package nl.groningen.keukentafel.app.store.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA256 for one 32-byte block (RFC 8018), giving exactly what the JDK's
 * {@code PBKDF2WithHmacSHA256} gives for the same password (as UTF-8), salt and rounds, in about
 * half the time: HMAC's two padded key blocks are hashed once and their digest states copied for
 * every round, where the JDK hashes them again each round. The work an attacker must do per guess
 * is unchanged (their tools do the same); the coach waits less at the login. The SHA-256 itself is
 * the JDK's, on the processor's SHA instructions where it has them.
 *
 * <p>Every round after the first hashes exactly one block twice (the previous digest, padded), so
 * where the JVM lets us ({@link Sha256Block}), those rounds call the JDK's block function directly
 * with the two padded key states, without {@code MessageDigest}'s copying and padding around every
 * call: about twice as fast again (measured: docs/startup.md). That
 * path is used only after it has given {@code MessageDigest}'s result on a test derivation in this
 * JVM; otherwise, or without the JVM option, the rounds run on {@code MessageDigest}.
 */
final class Pbkdf2 {

    private static final int BLOCK = 64;
    private static final int LENGTH = 32;
    /** Whether the rounds run on {@link Sha256Block} in this JVM (checked once, at first use). */
    private static final boolean BLOCKS = Sha256Block.available() && blocksAgree();

    private Pbkdf2() {
    }

    /** The 32-byte key for {@code password}, {@code salt} and {@code rounds}. */
    static byte[] sha256(char[] password, byte[] salt, int rounds) {
        return sha256(password, salt, rounds, BLOCKS);
    }

    /** Whether the rounds run on the JDK's block function directly (false: on {@code MessageDigest}). */
    static boolean usesBlockFunction() {
        return BLOCKS;
    }

    /** The 32-byte key, its rounds on the JDK's block function ({@code blocks}) or on {@code MessageDigest}. */
    static byte[] sha256(char[] password, byte[] salt, int rounds, boolean blocks) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        byte[] key = utf8(password);
        try {
            MessageDigest inner = MessageDigest.getInstance("SHA-256");
            MessageDigest outer = MessageDigest.getInstance("SHA-256");
            if (key.length > BLOCK) {
                byte[] hashed = inner.digest(key);
                Arrays.fill(key, (byte) 0);
                key = hashed;
            }
            byte[] innerPad = pad(key, 0x36);
            byte[] outerPad = pad(key, 0x5c);
            Arrays.fill(key, (byte) 0);
            inner.update(innerPad);
            outer.update(outerPad);

            byte[] u = new byte[LENGTH];
            MessageDigest round = (MessageDigest) inner.clone();
            round.update(salt);
            round.update(new byte[] {0, 0, 0, 1});
            round.digest(u, 0, LENGTH);
            round = (MessageDigest) outer.clone();
            round.update(u);
            round.digest(u, 0, LENGTH);
            byte[] result = u.clone();
            if (blocks) {
                blockRounds(innerPad, outerPad, u, result, rounds);
            } else {
                for (int r = 1; r < rounds; r++) {
                    round = (MessageDigest) inner.clone();
                    round.update(u);
                    round.digest(u, 0, LENGTH);
                    round = (MessageDigest) outer.clone();
                    round.update(u);
                    round.digest(u, 0, LENGTH);
                    for (int i = 0; i < LENGTH; i++) {
                        result[i] ^= u[i];
                    }
                }
            }
            Arrays.fill(innerPad, (byte) 0);
            Arrays.fill(outerPad, (byte) 0);
            Arrays.fill(u, (byte) 0);
            return result;
        } catch (NoSuchAlgorithmException | CloneNotSupportedException | DigestException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Rounds 2 to {@code rounds} on the block function: {@code u} is round 1's digest; each round's
     * digest is XORed into {@code result}. Both hashes of a round take one block: the 32-byte digest
     * before, then SHA-256's padding for a message of 96 bytes (the key block and the digest).
     */
    private static void blockRounds(byte[] innerPad, byte[] outerPad, byte[] u, byte[] result, int rounds) {
        Sha256Block sha = Sha256Block.create();
        int[] state = sha.state();
        int[] initial = state.clone();
        sha.compress(innerPad, 0);
        int[] inner = state.clone();
        System.arraycopy(initial, 0, state, 0, 8);
        sha.compress(outerPad, 0);
        int[] outer = state.clone();

        byte[] block = new byte[BLOCK];
        System.arraycopy(u, 0, block, 0, LENGTH);
        block[LENGTH] = (byte) 0x80;
        int bits = (BLOCK + LENGTH) * 8;
        block[BLOCK - 2] = (byte) (bits >>> 8);
        block[BLOCK - 1] = (byte) bits;
        for (int r = 1; r < rounds; r++) {
            System.arraycopy(inner, 0, state, 0, 8);
            sha.compress(block, 0);
            digestInto(state, block);
            System.arraycopy(outer, 0, state, 0, 8);
            sha.compress(block, 0);
            digestInto(state, block);
            for (int i = 0; i < LENGTH; i++) {
                result[i] ^= block[i];
            }
        }
        Arrays.fill(block, (byte) 0);
        Arrays.fill(inner, 0);
        Arrays.fill(outer, 0);
        Arrays.fill(state, 0);
    }

    /** The eight state words as the 32-byte digest (big-endian) at the start of {@code out}. */
    private static void digestInto(int[] state, byte[] out) {
        for (int i = 0; i < 8; i++) {
            int word = state[i];
            out[4 * i] = (byte) (word >>> 24);
            out[4 * i + 1] = (byte) (word >>> 16);
            out[4 * i + 2] = (byte) (word >>> 8);
            out[4 * i + 3] = (byte) word;
        }
    }

    /** The block function gives {@code MessageDigest}'s key on a test derivation (a wrong key would lock a coach out). */
    private static boolean blocksAgree() {
        try {
            char[] password = "keukentafel zelftest".toCharArray();
            byte[] salt = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
            return Arrays.equals(sha256(password, salt, 3, true), sha256(password, salt, 3, false));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static byte[] pad(byte[] key, int with) {
        byte[] pad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) ((i < key.length ? key[i] : 0) ^ with);
        }
        return pad;
    }

    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
