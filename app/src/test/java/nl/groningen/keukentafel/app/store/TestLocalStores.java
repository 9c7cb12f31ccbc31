package nl.groningen.keukentafel.app.store;

import java.nio.file.Path;

/**
 * Local stores for tests outside this package (the sync simulation makes hundreds): created with
 * the same cheap key derivation as {@link LocalStoreTest}, because those tests are about syncing,
 * not key strength. {@link LocalStore#unlock} reads the iteration count from the file, so a store
 * made here reopens like any other.
 */
public final class TestLocalStores {

    private TestLocalStores() {
    }

    public static LocalStore create(Path file, char[] credential) {
        return LocalStore.create(file, credential, LocalStoreTest.FAST_KDF);
    }
}
