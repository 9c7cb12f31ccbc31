package nl.groningen.keukentafel.app.ui.caseload;

import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import nl.groningen.keukentafel.app.ui.DueBadge;
import nl.groningen.keukentafel.app.ui.Fields;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.PlainTextCell;
import nl.groningen.keukentafel.app.ui.attempt.ContactAttemptPicker;
import nl.groningen.keukentafel.contract.OutreachStatus;

/**
 * The coach's caseload: type to search (name, address, postcode, client number), filter by wijk,
 * status, due contacts or open agreements; a sortable table with counts. Down arrow moves from the
 * search into the list; Enter opens the dossier; Ctrl+K logs a contact attempt.
 */
public final class CaseloadView extends VBox {

    private static final KeyCombination LOG_ATTEMPT = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);

    private final TextField search = new TextField();
    private final TableView<CaseloadRow> table;

    public CaseloadView(CaseloadViewModel model, Messages messages) {
        setId("caseloadView");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label(messages.text("caseload.title"));
        title.getStyleClass().add("screen-title");

        search.setId("caseloadSearch");
        search.setPromptText(messages.text("caseload.searchPrompt"));
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);

        ComboBox<String> wijk = Fields.wijkBox("caseloadWijk", model.wijken(), messages);
        wijk.valueProperty().bindBidirectional(model.wijkProperty());

        ComboBox<OutreachStatus> status = new ComboBox<>();
        status.setId("caseloadStatus");
        status.getItems().add(null);
        status.getItems().addAll(OutreachStatus.values());
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(OutreachStatus value) {
                return value == null ? messages.text("caseload.allStatuses") : model.statusLabel(value);
            }

            @Override
            public OutreachStatus fromString(String text) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(model.statusProperty());

        CheckBox due = new CheckBox(messages.text("caseload.dueOnly"));
        due.setId("caseloadDueOnly");
        due.selectedProperty().bindBidirectional(model.dueOnlyProperty());
        CheckBox agreements = new CheckBox(messages.text("caseload.openAgreementsOnly"));
        agreements.setId("caseloadOpenAgreements");
        agreements.selectedProperty().bindBidirectional(model.openAgreementsOnlyProperty());

        HBox filters = new HBox(8, search, wijk, status, due, agreements);
        filters.setAlignment(Pos.CENTER_LEFT);

        Label count = new Label();
        count.setId("caseloadCount");
        count.textProperty().bind(model.countProperty());

        Label problem = new Label();
        problem.setId("caseloadProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        table = new TableView<>(model.rows());
        table.setId("caseloadTable");
        table.setPlaceholder(new Label(messages.text("caseload.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn(messages.text("caseload.column.name"), CaseloadRow::name, 200));
        table.getColumns().add(textColumn(messages.text("caseload.column.address"), CaseloadRow::address, 170));
        // Not 80, JavaFX's default width: a column left at it is sized to its content, measuring rows at first layout.
        table.getColumns().add(textColumn(messages.text("caseload.column.postcode"), CaseloadRow::postcode, 84));
        table.getColumns().add(textColumn(messages.text("caseload.column.wijk"), CaseloadRow::wijk, 110));
        table.getColumns().add(textColumn(messages.text("caseload.column.clientNumber"), CaseloadRow::clientNumber, 100));
        table.getColumns().add(textColumn(messages.text("caseload.column.outreach"), CaseloadRow::outreachStatus, 130));
        table.getColumns().add(dateColumn(messages.text("caseload.column.nextContact"), messages));
        VBox.setVgrow(table, Priority.ALWAYS);

        Button logAttempt = new Button(messages.text("attempt.button"));
        logAttempt.setId("caseloadLogAttempt");
        logAttempt.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        logAttempt.setOnAction(e -> pickAttempt(model, messages));
        Button openDossier = new Button(messages.text("caseload.openDossier"));
        openDossier.setId("caseloadOpen");
        openDossier.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openDossier.setOnAction(e -> openSelected(model));
        HBox actions = new HBox(8, openDossier, logAttempt, new Label(messages.text("caseload.keys")));
        actions.setAlignment(Pos.CENTER_LEFT);

        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                if (!table.getItems().isEmpty()) {
                    table.requestFocus();
                    if (table.getSelectionModel().isEmpty()) {
                        table.getSelectionModel().selectFirst();
                    }
                    table.getFocusModel().focus(table.getSelectionModel().getSelectedIndex());
                    if (e.getCode() == KeyCode.ENTER && table.getItems().size() == 1) {
                        openSelected(model);
                    }
                }
                e.consume();
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected(model);
                e.consume();
            } else if (LOG_ATTEMPT.match(e)) {
                pickAttempt(model, messages);
                e.consume();
            }
        });
        table.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected(model);
            }
        });

        getChildren().addAll(title, filters, count, problem, table, actions);
    }

    public void focusSearch() {
        search.requestFocus();
        search.end();
    }

    private void openSelected(CaseloadViewModel model) {
        CaseloadRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            model.open(row.residentId());
        }
    }

    private void pickAttempt(CaseloadViewModel model, Messages messages) {
        CaseloadRow row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            ContactAttemptPicker.pick(getScene().getWindow(), messages, row.name())
                    .ifPresent(choice -> model.logAttempt(row.residentId(), choice.channel(), choice.result()));
        }
    }

    private static TableColumn<CaseloadRow, String> textColumn(String header, Function<CaseloadRow, String> value, double width) {
        TableColumn<CaseloadRow, String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> PlainTextCell.ofText());
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<CaseloadRow, LocalDate> dateColumn(String header, Messages messages) {
        TableColumn<CaseloadRow, LocalDate> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().nextContactDue()));
        // A cell with a graphic, not a PlainTextCell: the due mark is a badge beside the date.
        column.setCellFactory(c -> new TableCell<>() {
            {
                setAlignment(Pos.CENTER_LEFT);
            }

            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                CaseloadRow row = getTableRow() == null ? null : getTableRow().getItem();
                setText(empty || date == null ? null : messages.date(date));
                DueBadge.mark(this, messages, empty || row == null ? null : row.due());
            }
        });
        column.setPrefWidth(190);
        return column;
    }
}
