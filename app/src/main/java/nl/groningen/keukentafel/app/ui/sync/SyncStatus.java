package nl.groningen.keukentafel.app.ui.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.domain.Conflicts;
import nl.groningen.keukentafel.app.domain.CurrentResidents;
import nl.groningen.keukentafel.app.domain.Outbox;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.sync.BackgroundSync;
import nl.groningen.keukentafel.app.sync.SyncEngine;
import nl.groningen.keukentafel.app.sync.SyncFailure;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.Conflict;

/**
 * What the coach sees of sync, on the UI thread: online or not, syncing now, the last good sync,
 * how many changes wait, the pull's progress, the last failure in plain Dutch, and the conflicts to
 * resolve. Fed by the background sync (on its own thread; every update is passed to the UI
 * thread through {@link BackgroundTasks#onUiThread}, so a test on {@code SameThreadTasks} needs
 * no toolkit). After a sync that brought changes, the residents it touched are re-read and put in the
 * session's caseload, and {@code onDataChanged} lets the screen in view refresh.
 */
public final class SyncStatus implements BackgroundSync.Listener {

    private final Outbox outbox;
    private final SyncState state;
    private final Conflicts storedConflicts;
    private final CurrentResidents residents;
    private final CoachSession session;
    private final BackgroundTasks tasks;
    private final boolean enrolled;
    private final BooleanProperty online = new SimpleBooleanProperty(false);
    private final BooleanProperty syncing = new SimpleBooleanProperty(false);
    private final ObjectProperty<Instant> lastSync = new SimpleObjectProperty<>();
    private final IntegerProperty waiting = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    /** "Synchroniseer nu" was pressed and its sync has not started yet; UI thread only. */
    private boolean asked;
    /** The sync running now is the one the coach asked for; UI thread only. */
    private boolean runningAsked;
    private final ObservableList<Conflict> conflicts = FXCollections.observableArrayList();
    private Runnable syncNow = () -> { };
    private Runnable onDataChanged = () -> { };
    private Consumer<SyncFailure> onStop = failure -> { };

    public SyncStatus(Outbox outbox, SyncState state, Conflicts storedConflicts, CurrentResidents residents,
                      CoachSession session, BackgroundTasks tasks, boolean enrolled) {
        this.outbox = outbox;
        this.state = state;
        this.storedConflicts = storedConflicts;
        this.residents = residents;
        this.session = session;
        this.tasks = tasks;
        this.enrolled = enrolled;
    }

    /** Reads what the store knows now (waiting changes, last sync, conflicts), in the background. */
    public void reload() {
        tasks.run(() -> new Snapshot(outbox.waiting(), state.lastSync().orElse(null), storedConflicts.conflicts(), List.of()),
                this::show, error -> { });
    }

    /** After a save: the number of waiting changes moved. */
    public void changed() {
        tasks.run(outbox::waiting, waiting::set, error -> { });
    }

    public void wire(Runnable syncNowAction, Runnable dataChanged, Consumer<SyncFailure> stopped) {
        this.syncNow = syncNowAction;
        this.onDataChanged = dataChanged;
        this.onStop = stopped;
    }

    /**
     * "Synchroniseer nu": says at once that it is syncing (even while a background sync finishes
     * first), and afterwards what came of it.
     */
    public void syncNow() {
        if (enrolled) {
            asked = true;
            syncing.set(true);
            result.set("");
            syncNow.run();
        }
    }

    /** Keeps the server's value, or the laptop's, for a conflict; the record and the list follow. */
    public void resolve(Conflict conflict, JsonNode chosen, Runnable done, Consumer<String> failed) {
        tasks.run(() -> {
            storedConflicts.resolve(conflict, chosen);
            return new Snapshot(outbox.waiting(), state.lastSync().orElse(null), storedConflicts.conflicts(),
                    residents.residentNow(conflict.residentId()).map(List::of).orElse(List.of()));
        }, snapshot -> {
            show(snapshot);
            done.run();
        }, error -> failed.accept(session.messages().text("save.failed")));
    }

    // ---- the background sync's reports (sync thread) ---------------------------------------------

    @Override
    public void started() {
        tasks.onUiThread(() -> {
            runningAsked = asked;
            asked = false;
            syncing.set(true);
            progress.set(-1);
        });
    }

    @Override
    public void progress(long done, long total) {
        if (total > 2 * SyncEngine.PULL_PAGE) {
            tasks.onUiThread(() -> progress.set(total == 0 ? -1 : (double) done / total));
        }
    }

    @Override
    public void succeeded(SyncEngine.Outcome outcome) {
        List<CurrentResidents.ResidentNow> touched = new ArrayList<>();
        List<UUID> gone = new ArrayList<>();
        for (UUID id : outcome.changedResidents()) {
            Optional<CurrentResidents.ResidentNow> now = residents.residentNow(id);
            now.ifPresentOrElse(touched::add, () -> gone.add(id));
        }
        Snapshot snapshot = new Snapshot(outbox.waiting(), outcome.at(), storedConflicts.conflicts(), touched);
        tasks.onUiThread(() -> {
            syncing.set(asked); // a sync the coach asked for still comes
            online.set(true);
            problem.set("");
            result.set(summary(outcome, runningAsked));
            progress.set(-1);
            gone.forEach(session.caseload()::remove);
            show(snapshot);
            if (!touched.isEmpty() || !gone.isEmpty()) {
                onDataChanged.run();
            }
        });
    }

    @Override
    public void failed(SyncFailure failure) {
        int stillWaiting = outbox.waiting();
        tasks.onUiThread(() -> {
            syncing.set(asked);
            progress.set(-1);
            online.set(failure != SyncFailure.OFFLINE);
            // Offline gets its sentence here when the coach asked; other failures are the problem's.
            result.set(runningAsked && failure == SyncFailure.OFFLINE ? session.messages().text("sync.result.offline") : "");
            waiting.set(stillWaiting);
            // Offline is said by the state itself (its tooltip has the sentence); other problems are spelled out.
            problem.set(failure == SyncFailure.OFFLINE ? "" : session.messages().text(failure.messageKey()));
            if (failure == SyncFailure.REVOKED || failure == SyncFailure.APP_TOO_OLD) {
                onStop.accept(failure);
            }
        });
    }

    /**
     * What came of a sync, in one line: what went out, what came in, conflicts and refusals, and
     * one sentence when residents were erased (never who). A background sync that changed nothing
     * says nothing; one the coach asked for says so.
     */
    private String summary(SyncEngine.Outcome outcome, boolean askedFor) {
        Messages messages = session.messages();
        List<String> parts = new ArrayList<>();
        if (outcome.pushed() > 0) {
            parts.add(messages.text("sync.result.pushed", outcome.pushed()));
        }
        if (outcome.pulledFromElsewhere() > 0) {
            parts.add(messages.text("sync.result.pulled", outcome.pulledFromElsewhere()));
        }
        if (outcome.conflicts() > 0) {
            parts.add(messages.text("sync.conflicts", outcome.conflicts()));
        }
        if (outcome.refused() > 0) {
            parts.add(messages.text("sync.result.refused", outcome.refused()));
        }
        if (outcome.erased() > 0) {
            // Said whether or not the coach asked: what they had waiting for these residents was not sent.
            String erased = messages.text("sync.result.erased", outcome.erased());
            return parts.isEmpty() ? erased : messages.text("sync.result.doneAndErased", String.join(", ", parts), erased);
        }
        if (parts.isEmpty()) {
            return askedFor ? messages.text("sync.result.nothing") : "";
        }
        return messages.text("sync.result.done", String.join(", ", parts));
    }

    private void show(Snapshot snapshot) {
        waiting.set(snapshot.waiting());
        lastSync.set(snapshot.lastSync());
        conflicts.setAll(snapshot.conflicts());
        for (CurrentResidents.ResidentNow now : snapshot.residents()) {
            session.caseload().put(now.resident());
            session.caseload().put(now.resident().id(), now.records());
        }
    }

    private record Snapshot(int waiting, Instant lastSync, List<Conflict> conflicts, List<CurrentResidents.ResidentNow> residents) {
    }

    public boolean enrolled() {
        return enrolled;
    }

    public BooleanProperty onlineProperty() {
        return online;
    }

    public BooleanProperty syncingProperty() {
        return syncing;
    }

    public ObjectProperty<Instant> lastSyncProperty() {
        return lastSync;
    }

    public IntegerProperty waitingProperty() {
        return waiting;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    /** What came of the last sync, or empty; see {@link #summary}. */
    public StringProperty resultProperty() {
        return result;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObservableList<Conflict> conflicts() {
        return conflicts;
    }
}
