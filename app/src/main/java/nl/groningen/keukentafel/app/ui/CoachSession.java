package nl.groningen.keukentafel.app.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.RecordStore;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/**
 * An unlocked coach's working state: the caseload in memory, where changes are saved, the
 * reference data, the clock. Writes go to the store in the background, in order; the in-memory
 * caseload is changed on the UI thread once the write is durable. The residents are in memory from
 * the start; the other records are read when {@link #loadRecords()} is called. Closed (and the key
 * forgotten) when the app locks.
 */
public final class CoachSession implements AutoCloseable, UserSession {

    private final Coach coach;
    private final Caseload caseload;
    private final RecordStore store;
    private final ReferenceData reference;
    private final List<SocialMapEntry> socialMap;
    private final Clock clock;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final AutoCloseable onClose;
    private final Callable<Map<UUID, ResidentRecords>> readRecords;
    private boolean recordsRequested;
    private final BooleanProperty recordsLoaded = new SimpleBooleanProperty(false);
    private final StringProperty loadProblem = new SimpleStringProperty("");
    private Runnable onSaved = () -> { };

    /** {@code readRecords} reads every resident's records (in the background, when asked to). */
    public CoachSession(Coach coach, Caseload caseload, RecordStore store, ReferenceData reference,
                        List<SocialMapEntry> socialMap, Clock clock, BackgroundTasks tasks, Messages messages,
                        AutoCloseable onClose, Callable<Map<UUID, ResidentRecords>> readRecords) {
        this.coach = coach;
        this.caseload = caseload;
        this.store = store;
        this.reference = reference;
        this.socialMap = List.copyOf(socialMap);
        this.clock = clock;
        this.tasks = tasks;
        this.messages = messages;
        this.onClose = onClose;
        this.readRecords = readRecords;
    }

    /**
     * Reads every resident's records in the background (once; later calls do nothing). The caseload
     * is usable before. Saves run in the order they are queued, before or after this read, and
     * either way the records in memory end up with what was saved: a save queued before is in what
     * is read; one queued after is applied to it.
     */
    public void loadRecords() {
        if (recordsRequested) {
            return;
        }
        recordsRequested = true;
        tasks.run(readRecords, loaded -> {
            caseload.putAllRecords(loaded);
            recordsLoaded.set(true);
        }, failure -> loadProblem.set(messages.text("records.loadFailed")));
    }

    /** Whether the records are in memory yet (the caseload itself is from the start). */
    public ReadOnlyBooleanProperty recordsLoadedProperty() {
        return recordsLoaded;
    }

    public ReadOnlyStringProperty loadProblemProperty() {
        return loadProblem;
    }

    /** Runs the action now if the records are in, else once they are. */
    public void whenRecordsLoaded(Runnable action) {
        if (recordsLoaded.get()) {
            action.run();
            return;
        }
        recordsLoaded.addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean is) {
                if (is) {
                    recordsLoaded.removeListener(this);
                    action.run();
                }
            }
        });
    }

    public Coach coach() {
        return coach;
    }

    public Caseload caseload() {
        return caseload;
    }

    public ReferenceData reference() {
        return reference;
    }

    public List<SocialMapEntry> socialMap() {
        return socialMap;
    }

    public Optional<SocialMapEntry> socialMapEntry(UUID id) {
        return id == null ? Optional.empty() : socialMap.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public Messages messages() {
        return messages;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The label of a reference-data code in the UI's language, or the code itself if unknown. */
    public String label(List<ReferenceItem> items, String code) {
        if (code == null) {
            return "";
        }
        ReferenceItem item = items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
        if (item == null) {
            return code;
        }
        return messages.label(item);
    }

    /**
     * Saves in the background; on success applies the change to the caseload in memory and calls
     * {@code done}; on failure reports a clear message and changes nothing in memory.
     */
    public void save(Consumer<RecordStore> write, Runnable applyInMemory, Runnable done, Consumer<String> failed) {
        tasks.run(() -> {
            write.accept(store);
            return Boolean.TRUE;
        }, ok -> {
            applyInMemory.run();
            done.run();
            onSaved.run();
        }, error -> failed.accept(messages.text("save.failed")));
    }

    /** Called on the UI thread after every durable save (the sync status counts the waiting changes). */
    public void onSaved(Runnable callback) {
        this.onSaved = callback;
    }

    @Override
    public void close() {
        try {
            onClose.close();
        } catch (Exception e) {
            throw new IllegalStateException("The local database did not close cleanly", e);
        }
    }
}
