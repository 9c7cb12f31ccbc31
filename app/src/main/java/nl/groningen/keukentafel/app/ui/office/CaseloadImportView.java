package nl.groningen.keukentafel.app.ui.office;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Confirmation;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.office.ImportProblem;
import nl.groningen.keukentafel.contract.office.ImportRow;

/**
 * "Caseload importeren": choose a CSV (Ctrl+O), see every row and every problem by line and
 * column, import a file without problems after confirming.
 */
public final class CaseloadImportView extends VBox {

    private final Button choose;

    public CaseloadImportView(CaseloadImportViewModel model, Messages messages, FilePicker files) {
        setId("caseloadImportView");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label(messages.text("office.import.title"));
        title.getStyleClass().add("screen-title");
        Label explain = new Label(messages.text("office.import.explain"));
        explain.setWrapText(true);

        choose = new Button(messages.text("office.import.choose"));
        choose.setId("importChoose");
        choose.disableProperty().bind(model.workingProperty());
        choose.setOnAction(e -> {
            Path file = files.open(getScene().getWindow(), messages.text("office.import.chooseTitle"),
                    messages.text("office.import.csvFiles"), "*.csv");
            if (file != null) {
                model.preview(file);
            }
        });
        Label file = new Label();
        file.setId("importFile");
        file.textProperty().bind(model.fileNameProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("importProgress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.workingProperty());
        progress.setPrefWidth(200);
        HBox top = new HBox(8, choose, file, progress);
        top.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("importSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        summary.getStyleClass().add("office-message");

        TableView<ImportProblem> problems = Tables.table("importProblems", messages.text("office.import.noProblems"));
        problems.getColumns().add(Tables.column(messages.text("office.import.line"), 60, p -> p.line() > 0
                ? messages.number(p.line()) : "–"));
        problems.getColumns().add(Tables.column(messages.text("office.import.column"), 110, p -> p.column() == null ? "" : p.column()));
        problems.getColumns().add(Tables.column(messages.text("office.import.problem"), 400, ImportProblem::message));
        problems.setItems(model.problems());
        problems.setPrefHeight(160);
        problems.managedProperty().bind(problems.visibleProperty());
        problems.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.problems()));

        TableView<ImportRow> rows = Tables.table("importRows", messages.text("office.import.noRows"));
        rows.getColumns().add(Tables.column(messages.text("office.import.line"), 60, r -> messages.number(r.line())));
        rows.getColumns().add(Tables.column(messages.text("office.clientNumber"), 110, ImportRow::clientNumber));
        rows.getColumns().add(Tables.column(messages.text("office.name"), 260, ImportRow::name));
        rows.getColumns().add(Tables.column(messages.text("office.postcode"), 90, r -> r.postcode() == null ? "" : r.postcode()));
        rows.getColumns().add(Tables.column(messages.text("office.wijk"), 140, r -> r.wijk() == null ? "" : r.wijk()));
        rows.getColumns().add(Tables.column(messages.text("office.coach"), 160, r -> r.coach() == null ? "" : r.coach()));
        rows.setItems(model.rows());
        VBox.setVgrow(rows, Priority.ALWAYS);

        Button importIt = new Button(messages.text("office.import.import"));
        importIt.setId("importConfirm");
        importIt.disableProperty().bind(model.canImportProperty().not());
        importIt.setOnAction(e -> {
            if (Confirmation.ask(getScene().getWindow(), "importQuestion",
                    messages.text("office.import.question", messages.number(model.rowCount())),
                    messages.text("office.import.yes"), messages.text("office.import.no"))) {
                model.importChecked();
            }
        });
        HBox actions = new HBox(8, importIt);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(title, explain, top, summary, problems, rows, actions);
    }

    /** The first thing to reach: the file button. */
    public void focusFirst() {
        choose.requestFocus();
    }

    /** Ctrl+O: the file dialog. */
    public void chooseFile() {
        choose.fire();
    }
}
