package nl.groningen.keukentafel.app.store.crypto;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The JDK's own SHA-256 block function, called directly: one 64-byte block into an eight-word
 * state, on the processor's SHA instructions where it has them (the JIT puts them in place of
 * {@code sun.security.provider.SHA2.implCompress0}). {@link java.security.MessageDigest} reaches the
 * same function, but copies, pads and converts around every call, which is most of the time
 * PBKDF2 takes when each message is a single block ({@link Pbkdf2}).
 *
 * <p>Those are the JDK's internals: reachable only when the JVM is started with
 * {@value #OPEN_OPTION} (the packaged app's {@code jvm.options}, the jar's manifest, the tests).
 * Without it, or on a JDK whose internals differ, {@link #available()} is false and callers use
 * {@code MessageDigest}. {@link Pbkdf2} also checks this function against {@code MessageDigest}
 * before it relies on it.
 */
final class Sha256Block {

    /** The JVM option that makes the block function reachable. */
    static final String OPEN_OPTION = "--add-opens=java.base/sun.security.provider=ALL-UNNAMED";

    /** {@code () -> Object}: a new instance of the JDK's SHA-256, its state the initial hash. */
    private static final MethodHandle CREATE;
    /** {@code (Object, byte[], int) -> void}: compresses the 64 bytes at the offset into the instance's state. */
    private static final MethodHandle COMPRESS;
    private static final Field STATE;

    static {
        MethodHandle create = null;
        MethodHandle compress = null;
        Field state = null;
        try {
            Class<?> sha2 = Class.forName("sun.security.provider.SHA2");
            Constructor<?> constructor = Class.forName("sun.security.provider.SHA2$SHA256").getDeclaredConstructor();
            Method block = sha2.getDeclaredMethod("implCompress", byte[].class, int.class);
            Field words = sha2.getDeclaredField("state");
            constructor.setAccessible(true);
            block.setAccessible(true);
            words.setAccessible(true);
            if (words.getType() == int[].class) {
                create = MethodHandles.lookup().unreflectConstructor(constructor)
                        .asType(MethodType.methodType(Object.class));
                compress = MethodHandles.lookup().unreflect(block)
                        .asType(MethodType.methodType(void.class, Object.class, byte[].class, int.class));
                state = words;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not opened (InaccessibleObjectException), or another JDK: MessageDigest it is.
            create = null;
            compress = null;
            state = null;
        }
        CREATE = create;
        COMPRESS = compress;
        STATE = state;
    }

    private final Object digest;
    private final int[] state;

    private Sha256Block(Object digest, int[] state) {
        this.digest = digest;
        this.state = state;
    }

    /** Whether this JVM lets us call the JDK's block function (see {@link #OPEN_OPTION}). */
    static boolean available() {
        return CREATE != null;
    }

    /** A fresh SHA-256 state (the initial hash); not for use by two threads at once. */
    static Sha256Block create() {
        if (!available()) {
            throw new IllegalStateException("The JDK's SHA-256 block function is not reachable: start with " + OPEN_OPTION);
        }
        try {
            Object digest = CREATE.invokeExact();
            int[] state = (int[]) STATE.get(digest);
            if (state.length != 8) {
                throw new IllegalStateException("The JDK's SHA-256 has a state of " + state.length + " words");
            }
            return new Sha256Block(digest, state);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The JDK's SHA-256 cannot be made", e);
        }
    }

    /**
     * The eight state words, live: set them before {@link #compress}, read the result after. The
     * array is the JDK instance's own.
     */
    int[] state() {
        return state;
    }

    /** Compresses the 64 bytes of {@code block} from {@code offset} into the state. */
    void compress(byte[] block, int offset) {
        try {
            COMPRESS.invokeExact(digest, block, offset);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("The JDK's SHA-256 block function failed", e);
        }
    }
}
