package nl.groningen.keukentafel.app.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ConversationRetention;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * The laptop's retention of finalised conversations, on the {@code record} table: the date and the
 * status are sealed, so each conversation without a waiting change is opened to judge it. A
 * conversation pulled again later (a move delivers a resident's history anew) goes at the next run.
 */
public final class RetainedConversations implements ConversationRetention {

    private final LocalDatabase database;
    private final Connection connection;
    private final SealedRecords records;

    RetainedConversations(LocalDatabase database, SealedRecords records) {
        this.database = database;
        this.connection = database.connection();
        this.records = records;
    }

    @Override
    public Set<UUID> removeFinalisedBefore(LocalDate before) {
        Set<UUID> changed = new LinkedHashSet<>();
        // Like the sync's own bookkeeping: lost in a power cut, it is simply done again next time.
        database.inSyncTransaction(() -> {
            Set<UUID> old = new LinkedHashSet<>();
            String kind = RecordKind.CONVERSATION.wireName();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, resident_id, sealed FROM record WHERE kind = ? AND id NOT IN (SELECT record_id FROM outbox)")) {
                select.setString(1, kind);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Conversation c = records.open(kind, rows.getString(1), rows.getBytes(3), Conversation.class);
                        if (c.status() == ConversationStatus.FINALISED && c.date() != null && c.date().isBefore(before)) {
                            old.add(c.id());
                            changed.add(UUID.fromString(rows.getString(2)));
                        }
                    }
                }
            }
            for (UUID id : old) {
                records.delete(id);
            }
        });
        return changed;
    }
}
