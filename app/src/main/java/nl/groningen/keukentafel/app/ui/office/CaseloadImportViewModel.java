package nl.groningen.keukentafel.app.ui.office;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.office.ImportPreview;
import nl.groningen.keukentafel.contract.office.ImportProblem;
import nl.groningen.keukentafel.contract.office.ImportResult;
import nl.groningen.keukentafel.contract.office.ImportRow;

/**
 * Importing a caseload file: the server checks it first and the screen shows every row and every
 * problem by line and column; only a file without problems can be imported, and only after the
 * office confirms. The file's bytes stay in memory (never copied to disk) until the next file.
 */
public final class CaseloadImportViewModel {

    /** Files larger than this are refused before sending (the council's largest caseload file is far below it). */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private final OfficeSession session;
    private final Messages messages;
    private final ObservableList<ImportRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final StringProperty fileName = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty working = new SimpleBooleanProperty(false);
    private final BooleanProperty canImport = new SimpleBooleanProperty(false);
    private byte[] checked;
    private Runnable imported = () -> { };

    public CaseloadImportViewModel(OfficeSession session) {
        this.session = session;
        this.messages = session.messages();
    }

    /** Reads the file (in the background) and has the server check it; nothing is stored. */
    public void preview(Path file) {
        clear();
        fileName.set(file.getFileName().toString());
        working.set(true);
        progress.set(0);
        summary.set(messages.text("office.import.checking"));
        session.tasks().run(() -> {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new TooLarge();
            }
            return Files.readAllBytes(file);
        }, bytes -> session.request(client -> client.previewImport(bytes, this::sent), preview -> {
            working.set(false);
            show(bytes, preview);
        }, failed -> {
            working.set(false);
            summary.set(failed);
        }), error -> {
            working.set(false);
            summary.set(error instanceof TooLarge
                    ? messages.text("office.import.tooLarge", messages.number(MAX_FILE_BYTES / (1024 * 1024)))
                    : messages.text("office.import.unreadable", file.getFileName().toString()));
        });
    }

    private void show(byte[] bytes, ImportPreview preview) {
        rows.setAll(preview.rows());
        problems.setAll(preview.problems());
        progress.set(1);
        if (!preview.problems().isEmpty()) {
            summary.set(messages.text("office.import.problems", messages.number(preview.rows().size()),
                    messages.number(preview.problems().size())));
        } else if (preview.rows().isEmpty()) {
            summary.set(messages.text("office.import.empty"));
        } else {
            checked = bytes;
            canImport.set(true);
            summary.set(messages.text("office.import.ready", messages.number(preview.rows().size()), counts(preview.would())));
        }
    }

    /** Imports the checked file (the caller has asked the office to confirm). */
    public void importChecked() {
        byte[] bytes = checked;
        if (bytes == null || working.get()) {
            return;
        }
        working.set(true);
        canImport.set(false);
        progress.set(0);
        summary.set(messages.text("office.import.importing"));
        session.request(client -> client.importCaseload(bytes, this::sent), result -> {
            working.set(false);
            String name = fileName.get();
            clear();
            fileName.set(name);
            progress.set(1);
            summary.set(messages.text("office.import.done", counts(result)));
            imported.run();
        }, failed -> {
            working.set(false);
            canImport.set(checked != null);
            summary.set(failed);
        });
    }

    /** How many rows the checked file has (for the confirmation). */
    public int rowCount() {
        return rows.size();
    }

    /** Called after a file was imported (the other office screens then show the new caseloads). */
    public void onImported(Runnable action) {
        this.imported = action;
    }

    private String counts(ImportResult result) {
        String counts = messages.text("office.import.counts", messages.number(result.added()), messages.number(result.updated()),
                messages.number(result.unchanged()), messages.number(result.withoutCoach()));
        return result.leftGroup() == 0 ? counts : counts + " " + messages.text("office.import.leftGroup", result.leftGroup());
    }

    /** Share of the file sent, from the HTTP thread: most of a large file's time is the sending. */
    private void sent(double share) {
        session.tasks().onUiThread(() -> progress.set(share < 1 ? share : -1));
    }

    private void clear() {
        checked = null;
        canImport.set(false);
        rows.clear();
        problems.clear();
        summary.set("");
    }

    public ObservableList<ImportRow> rows() {
        return rows;
    }

    public ObservableList<ImportProblem> problems() {
        return problems;
    }

    public StringProperty fileNameProperty() {
        return fileName;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    /** 0 to 1 while sending; -1 (indeterminate) while the server checks. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty workingProperty() {
        return working;
    }

    public BooleanProperty canImportProperty() {
        return canImport;
    }

    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }
}
