package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.store.crypto.Keyring;
import nl.groningen.keukentafel.app.store.crypto.Sealer;
import nl.groningen.keukentafel.contract.Json;

/**
 * One coach's local store, as the composition root opens and closes it: a single SQLite file
 * ({@link LocalDatabase}), every resident and record sealed under the coach's data key (see
 * {@link Keyring}). It hands out the store's parts, each for one concern and all on the one file
 * and its lock: the sealed records, the coach's saves, the outbox, the pulled pages, the sync state,
 * the reference data, the conflicts and the conversations' retention. Closing it forgets the key.
 */
public final class LocalStore implements AutoCloseable {

    private final LocalDatabase database;
    private final Sealer sealer;
    private final SealedRecords sealedRecords;
    private final RecordWriter recordWriter;
    private final OutboxTable outbox;
    private final PulledPages pulledPages;
    private final SyncStateTable syncState;
    private final ReferenceTable referenceTable;
    private final ConflictRecords conflictRecords;
    private final RetainedConversations retainedConversations;

    private LocalStore(LocalDatabase database, Sealer sealer, ObjectMapper json) {
        this.database = database;
        this.sealer = sealer;
        this.sealedRecords = new SealedRecords(database, sealer, json);
        this.syncState = new SyncStateTable(database, sealer);
        this.outbox = new OutboxTable(database, sealedRecords, syncState, json);
        this.recordWriter = new RecordWriter(database, sealedRecords, outbox, json);
        this.pulledPages = new PulledPages(database, sealedRecords, outbox, syncState, json);
        this.referenceTable = new ReferenceTable(database, syncState, json);
        this.conflictRecords = new ConflictRecords(database, sealedRecords, recordWriter, outbox);
        this.retainedConversations = new RetainedConversations(database, sealedRecords);
    }

    /** The coach's file with the store's own connection settings, for the start-up probe that opens it the same way. */
    public static org.sqlite.SQLiteDataSource dataSource(Path file) {
        return LocalDatabase.dataSource(file);
    }

    /** Whether a coach's database already exists at this path. */
    public static boolean exists(Path file) {
        return LocalDatabase.exists(file);
    }

    /** Makes a new database for a coach, its data key wrapped under the credential. */
    public static LocalStore create(Path file, char[] credential) {
        return create(file, credential, Keyring.DEFAULT_ITERATIONS);
    }

    static LocalStore create(Path file, char[] credential, int iterations) {
        if (exists(file)) {
            throw new LocalStoreException("A database already exists here; unlock it instead", null);
        }
        LocalDatabase database = LocalDatabase.connect(file);
        Keyring.Created created = Keyring.create(credential, iterations);
        database.saveKeyring(created.keyring());
        return new LocalStore(database, new Sealer(created.dataKey()), Json.mapper());
    }

    /** Opens a coach's database with their credential; {@link WrongCredentialException} if it is not theirs. */
    public static LocalStore unlock(Path file, char[] credential) {
        Locked locked = open(file);
        try {
            return locked.unlock(credential);
        } catch (RuntimeException e) {
            locked.close();
            throw e;
        }
    }

    /**
     * Opens the file without a key: the driver loaded, the schema migrated, the wrapped key read.
     * Done while the login screen waits, so that after the password only the key derivation and
     * the decryption remain.
     */
    public static Locked open(Path file) {
        if (!exists(file)) {
            throw new LocalStoreException("No local database at this path", null);
        }
        LocalDatabase database = LocalDatabase.connect(file);
        try {
            Keyring keyring = database.keyring();
            // The JSON mapping is loaded here too (a cold start spends tens of milliseconds on it), not after the password.
            return new Locked(file, database, keyring, Json.mapper());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * Compiles the key derivation ahead of the password (see {@link Keyring#warmUpDerivation()}):
     * for the login, while it waits for the coach to type. Nothing is read or kept.
     */
    public static void warmUpKeyDerivation() {
        Keyring.warmUpDerivation();
    }

    /** A coach's database, open but still locked: nothing in it can be read until the right credential is given. */
    public static final class Locked implements AutoCloseable {
        private final Path file;
        private final LocalDatabase database;
        private final Keyring keyring;
        private final ObjectMapper json;
        private boolean handedOver;

        private Locked(Path file, LocalDatabase database, Keyring keyring, ObjectMapper json) {
            this.file = file;
            this.database = database;
            this.keyring = keyring;
            this.json = json;
        }

        public Path file() {
            return file;
        }

        /** The unlocked store, or {@link WrongCredentialException} (this stays open for another try). */
        public LocalStore unlock(char[] credential) {
            if (handedOver) {
                throw new IllegalStateException("Already unlocked");
            }
            // The key derivation keeps one core busy for a few hundred milliseconds; the other
            // meanwhile warms what is read right after it.
            CompletableFuture.runAsync(() -> UnlockWarmUp.run(json));
            LocalStore store = new LocalStore(database, new Sealer(keyring.unwrap(credential)), json);
            handedOver = true;
            return store;
        }

        @Override
        public void close() {
            if (!handedOver) {
                database.close();
            }
        }
    }

    /** The residents and their records, decrypted: the caseload, and one resident as stored now. */
    public SealedRecords sealedRecords() {
        return sealedRecords;
    }

    /** The coach's saves (the screens' {@link nl.groningen.keukentafel.app.domain.RecordStore}). */
    public RecordWriter recordWriter() {
        return recordWriter;
    }

    /** The changes on their way to the server, the answered ones kept, and the refused ones. */
    public OutboxTable outbox() {
        return outbox;
    }

    /** The pull cursor, and the pulled pages committed with it. */
    public PulledPages pulledPages() {
        return pulledPages;
    }

    /** The enrolment, the last sync and the server's epoch. */
    public SyncStateTable syncState() {
        return syncState;
    }

    /** The coach, the reference data and the sociale kaart. */
    public ReferenceTable referenceTable() {
        return referenceTable;
    }

    /** The conflicts waiting for the coach. */
    public ConflictRecords conflictRecords() {
        return conflictRecords;
    }

    /** The finalised conversations old enough to leave the laptop after a sync. */
    public RetainedConversations retainedConversations() {
        return retainedConversations;
    }

    /** Forgets the data key and closes the file: the caseload can no longer be read. */
    @Override
    public void close() {
        synchronized (database) {
            sealer.close();
            database.close();
        }
    }
}
