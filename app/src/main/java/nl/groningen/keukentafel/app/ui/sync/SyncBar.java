package nl.groningen.keukentafel.app.ui.sync;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import nl.groningen.keukentafel.app.ui.Messages;

/**
 * The status bar: where the data lives, online or offline, the last successful sync, the number of
 * changes waiting, a progress bar during a long pull, the last problem in plain words, what came of
 * the last sync, and "Synchroniseer nu" (Alt+N, or F5).
 */
public final class SyncBar extends HBox {

    public SyncBar(SyncStatus status, Messages messages, String whereText, ZoneId zone) {
        super(12);
        getStyleClass().add("status-bar");
        setPadding(new Insets(4, 12, 4, 12));
        setAlignment(Pos.CENTER_LEFT);
        Label where = new Label(whereText);
        where.setId("statusBar");
        where.setMinWidth(0);
        where.setTooltip(new Tooltip(whereText));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label problem = givingWay("syncProblem", status.problemProperty());
        problem.getStyleClass().add("status-problem");
        if (!status.enrolled()) {
            // Not enrolled: say so, and why an enrolment at this login did not work (offline, wrong code...).
            Label notEnrolled = new Label(messages.text("sync.notEnrolled"));
            notEnrolled.setId("syncState");
            notEnrolled.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().addAll(where, spacer, problem, notEnrolled);
            return;
        }
        Label result = givingWay("syncResult", status.resultProperty());
        // The result may carry a sentence the coach must read in full (residents erased): it wraps onto a second line.
        result.setWrapText(true);
        result.setMaxWidth(560);
        result.setMinHeight(Region.USE_PREF_SIZE);
        Label state = new Label();
        state.setId("syncState");
        state.textProperty().bind(Bindings.createStringBinding(() -> status.syncingProperty().get()
                ? messages.text("sync.syncing")
                : messages.text(status.onlineProperty().get() ? "sync.online" : "sync.offline"),
                status.syncingProperty(), status.onlineProperty()));
        state.tooltipProperty().bind(Bindings.createObjectBinding(() -> status.onlineProperty().get() ? null
                : new Tooltip(messages.text("sync.failure.offline")), status.onlineProperty()));
        state.styleProperty().bind(Bindings.when(status.onlineProperty())
                .then("-fx-text-fill: #1b5e20;").otherwise("-fx-text-fill: #8a4b00;"));
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(messages.locale()).withZone(zone);
        Label last = new Label();
        last.setId("syncLast");
        last.textProperty().bind(Bindings.createStringBinding(() -> status.lastSyncProperty().get() == null
                ? messages.text("sync.never")
                : messages.text("sync.last", when.format(status.lastSyncProperty().get())), status.lastSyncProperty()));
        Label waiting = new Label();
        waiting.setId("syncWaiting");
        waiting.textProperty().bind(Bindings.createStringBinding(() -> messages.text("sync.waiting", status.waitingProperty().get()),
                status.waitingProperty()));
        ProgressBar progress = new ProgressBar();
        progress.setId("syncProgress");
        progress.setPrefWidth(120);
        progress.progressProperty().bind(status.progressProperty());
        progress.visibleProperty().bind(status.progressProperty().greaterThanOrEqualTo(0));
        progress.managedProperty().bind(progress.visibleProperty());
        Button now = new Button(messages.text("sync.now"));
        now.setId("syncNow");
        now.setMnemonicParsing(true);
        now.disableProperty().bind(status.syncingProperty());
        now.setOnAction(e -> status.syncNow());
        for (javafx.scene.control.Control keep : new javafx.scene.control.Control[] {state, last, waiting, now}) {
            keep.setMinWidth(Region.USE_PREF_SIZE); // these always show in full; the folder and the problem give way
        }
        getChildren().addAll(where, spacer, problem, result, progress, state, last, waiting, now);
    }

    /**
     * A line of the bar that shows {@code text} while there is any, takes no room when empty, and
     * gives way to the others when space is short (the whole sentence stays in its tooltip).
     */
    private static Label givingWay(String id, StringProperty text) {
        Label label = new Label();
        label.setId(id);
        label.textProperty().bind(text);
        label.setWrapText(false);
        label.setMinWidth(0);
        label.setMaxWidth(360);
        label.tooltipProperty().bind(Bindings.createObjectBinding(() -> text.get().isEmpty() ? null : new Tooltip(text.get()), text));
        label.managedProperty().bind(text.isNotEmpty());
        return label;
    }
}
