package nl.groningen.keukentafel.app.ui.caseload;

import java.time.LocalDate;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Messages;

/** The coach's caseload as a sortable table with its count. */
public final class CaseloadView extends VBox {

    public CaseloadView(CaseloadViewModel model, Messages messages) {
        setId("caseloadView");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label(messages.text("caseload.title"));
        title.getStyleClass().add("screen-title");

        Label count = new Label();
        count.setId("caseloadCount");
        count.textProperty().bind(model.countProperty());

        Label problem = new Label();
        problem.setId("caseloadProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        TableView<CaseloadRow> table = new TableView<>(model.rows());
        table.setId("caseloadTable");
        table.setPlaceholder(new Label(messages.text("caseload.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(textColumn(messages.text("caseload.column.name"), CaseloadRow::name, 200));
        table.getColumns().add(textColumn(messages.text("caseload.column.address"), CaseloadRow::address, 170));
        table.getColumns().add(textColumn(messages.text("caseload.column.postcode"), CaseloadRow::postcode, 80));
        table.getColumns().add(textColumn(messages.text("caseload.column.wijk"), CaseloadRow::wijk, 110));
        table.getColumns().add(textColumn(messages.text("caseload.column.clientNumber"), CaseloadRow::clientNumber, 100));
        table.getColumns().add(textColumn(messages.text("caseload.column.outreach"), CaseloadRow::outreachStatus, 130));
        table.getColumns().add(dateColumn(messages.text("caseload.column.nextContact"), messages));
        VBox.setVgrow(table, Priority.ALWAYS);

        getChildren().addAll(title, count, problem, table);
    }

    private static TableColumn<CaseloadRow, String> textColumn(String header, Function<CaseloadRow, String> value, double width) {
        TableColumn<CaseloadRow, String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private static TableColumn<CaseloadRow, LocalDate> dateColumn(String header, Messages messages) {
        TableColumn<CaseloadRow, LocalDate> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().nextContactDue()));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LocalDate date, boolean empty) {
                super.updateItem(date, empty);
                setText(empty ? null : messages.date(date));
            }
        });
        column.setPrefWidth(110);
        return column;
    }
}
