package nl.groningen.keukentafel.app.store;

import java.util.HashMap;
import java.util.Map;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.LocalStoreException;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * What a sealed record row of the local database holds: one of the contract's record kinds (its
 * wire name is the code stored beside the row), or a draft, which stays on the laptop until it is
 * finalised. Residents have a table of their own.
 */
final class StoredKind {

    /** A conversation being written; never pushed. */
    static final StoredKind DRAFT = new StoredKind("draft", ConversationDraft.class, null);

    private static final Map<String, StoredKind> BY_CODE = new HashMap<>();

    static {
        BY_CODE.put(DRAFT.code, DRAFT);
        for (RecordKind kind : RecordKind.values()) {
            if (kind.type() != null && kind != RecordKind.RESIDENT) {
                BY_CODE.put(kind.wireName(), new StoredKind(kind.wireName(), kind.type(), kind));
            }
        }
    }

    private final String code;
    private final Class<?> type;
    private final RecordKind synced;

    private StoredKind(String code, Class<?> type, RecordKind synced) {
        this.code = code;
        this.type = type;
        this.synced = synced;
    }

    static StoredKind of(RecordKind kind) {
        return of(kind.wireName());
    }

    static StoredKind of(String code) {
        StoredKind kind = BY_CODE.get(code);
        if (kind == null) {
            throw new LocalStoreException("Unknown record kind in the local database: " + code, null);
        }
        return kind;
    }

    String code() {
        return code;
    }

    /** The record class a row of this kind opens as. */
    Class<?> type() {
        return type;
    }

    /** Whether changes to this kind travel to the server (a draft stays on the laptop until finalised). */
    boolean synced() {
        return synced != null;
    }
}
