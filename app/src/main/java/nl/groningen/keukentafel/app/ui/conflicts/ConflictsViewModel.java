package nl.groningen.keukentafel.app.ui.conflicts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.MissingResourceException;
import java.util.UUID;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.sync.SyncStatus;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Resident;

/**
 * The conflicts screen: one entry per field in conflict, in the words the coach reads (the
 * resident, which record, which field, both values), and the choice of one value. The entries
 * follow the sync status's conflicts.
 */
public final class ConflictsViewModel {

    /** One conflict's card, as text; {@code id} is the conflict's. */
    public record Entry(UUID id, String resident, String record, String field, String serverValue, String laptopValue) {
    }

    private final SyncStatus status;
    private final CoachSession session;
    private final Messages messages;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    /** One wrapper, kept: a wrapper listens to {@code entries} weakly, so one made per call could vanish with its listeners. */
    private final ObservableList<Entry> shown = FXCollections.unmodifiableObservableList(entries);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** Held here and registered weakly: the sync status outlives every visit to the screen. */
    private final ListChangeListener<Conflict> follow = change -> fill();

    public ConflictsViewModel(SyncStatus status, CoachSession session) {
        this.status = status;
        this.session = session;
        this.messages = session.messages();
        status.conflicts().addListener(new WeakListChangeListener<>(follow));
        fill();
    }

    /** What the cards show, in the sync status's order; empty when there is nothing to resolve. */
    public ObservableList<Entry> entries() {
        return shown;
    }

    /** Keeps the office's (or other device's) value; the entry goes once it is stored. */
    public void keepServer(Entry entry) {
        choose(entry, Conflict::serverValue);
    }

    /** Keeps this laptop's value; the entry goes once it is stored. */
    public void keepLaptop(Entry entry) {
        choose(entry, Conflict::laptopValue);
    }

    /** Why the last choice could not be stored, or empty. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private void choose(Entry entry, Function<Conflict, JsonNode> value) {
        problem.set("");
        status.conflicts().stream().filter(c -> c.id().equals(entry.id())).findFirst()
                .ifPresent(conflict -> status.resolve(conflict, value.apply(conflict), () -> { }, problem::set));
    }

    private void fill() {
        entries.setAll(status.conflicts().stream().map(this::entry).toList());
    }

    private Entry entry(Conflict conflict) {
        String resident = session.caseload().resident(conflict.residentId()).map(Resident::fullName).orElse("");
        String record = label("conflicts.kind." + conflict.recordKind(), conflict.recordKind()) + describe(conflict);
        String field = label("conflicts.fieldName." + lastPart(conflict.field()), conflict.field());
        return new Entry(conflict.id(), resident, record, field, value(conflict.serverValue()), value(conflict.laptopValue()));
    }

    /** Which agreement or referral it is, as the coach knows it: ": Formulier samen invullen". */
    private String describe(Conflict conflict) {
        var records = session.caseload().recordsOf(conflict.residentId());
        return records.agreements().stream().filter(a -> a.id().equals(conflict.recordId())).findFirst()
                .map(a -> ": " + a.description())
                .or(() -> records.referrals().stream().filter(r -> r.id().equals(conflict.recordId())).findFirst()
                        .map(r -> ": " + session.label(session.reference().partners(), r.partner())))
                .orElse("");
    }

    /** The bundle's name for a record kind or field; the raw name for one the bundle does not know. */
    private String label(String key, String fallback) {
        try {
            return messages.text(key);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }

    private static String lastPart(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** A value as the coach reads it: a date in Dutch, an empty value said so, text as it is. */
    private String value(JsonNode node) {
        if (node == null || node.isNull() || node.asText().isEmpty()) {
            return messages.text("conflicts.empty");
        }
        if (node.isTextual()) {
            try {
                return messages.date(LocalDate.parse(node.asText()));
            } catch (DateTimeParseException e) {
                return node.asText();
            }
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
