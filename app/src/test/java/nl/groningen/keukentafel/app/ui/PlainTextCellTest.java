package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The caseload's light cells look and behave as the table's own: each fills its column, shows its
 * text, takes font and colour from the style sheet (a selected row, a "due" cell) and is cut off
 * at the column's edge; fitting a column to its content still measures the text.
 */
@ExtendWith(ApplicationExtension.class)
class PlainTextCellTest {

    private static final String LONG_ADDRESS = "Burgemeester van Roijensingel 1234 bis, achterhuis";

    private TableView<String[]> table;
    private TableColumn<String[], String> address;

    @Start
    void start(Stage stage) {
        table = new TableView<>();
        table.setId("cellsTable");
        table.getItems().addAll(List.of(
                new String[] {"Bedachtema, Otto", LONG_ADDRESS},
                new String[] {"Fictieker, Bram", "Bedenkhof 168a"}));
        TableColumn<String[], String> name = column("Naam", row -> row[0], 200);
        address = column("Adres", row -> row[1], 120);
        name.setCellFactory(c -> PlainTextCell.ofText());
        address.setCellFactory(c -> new PlainTextCell<>(Function.identity()) {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("due");
                if (!empty && getIndex() == 1) {
                    getStyleClass().add("due");
                }
            }
        });
        table.getColumns().add(name);
        table.getColumns().add(address);
        Scene scene = new Scene(table, 400, 200);
        scene.getStylesheets().add(Theme.appStyleSheet());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void cellsFillTheirColumnAndShowTheirText(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> first = cell(robot, "Bedachtema, Otto");

        assertThat(first.getWidth()).isEqualTo(200.0);
        assertThat(textOf(first).getText()).isEqualTo("Bedachtema, Otto");
        assertThat(textOf(first).getBoundsInParent().getMinY()).isGreaterThan(0);
        assertThat(textOf(first).getBoundsInParent().getMaxY()).isLessThan(first.getHeight());
    }

    @Test
    void textLongerThanTheColumnIsCutOffAtItsEdge(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        TableCell<?, ?> cell = cell(robot, LONG_ADDRESS);

        assertThat(textOf(cell).getLayoutBounds().getWidth()).isGreaterThan(cell.getWidth());
        assertThat(cell.getClip()).isNotNull();
        assertThat(cell.getClip().getLayoutBounds().getWidth()).isEqualTo(cell.getWidth());
    }

    @Test
    void fontAndColourComeFromTheStyleSheet(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Text plain = textOf(cell(robot, "Fictieker, Bram"));
        Text due = textOf(cell(robot, "Bedenkhof 168a"));

        // keukentafel.css: .table-cell.due is bold and dark red
        assertThat(due.getFill()).isEqualTo(Color.web("#a4000f"));
        assertThat(due.getFont().getStyle()).containsIgnoringCase("bold");
        assertThat(plain.getFont().getStyle()).doesNotContainIgnoringCase("bold");

        assertThat(plain.getFill()).isNotEqualTo(Color.WHITE);
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().select(1);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(plain.getFill()).isEqualTo(Color.WHITE); // the selection bar's text colour, was dark
    }

    @Test
    void fittingAColumnToItsContentMeasuresTheText(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double before = address.getWidth();
        // What a double click on the header's edge does.
        TableColumnHeader header = robot.lookup(".column-header").queryAllAs(TableColumnHeader.class).stream()
                .filter(h -> h.getTableColumn() == address).findFirst().orElseThrow();
        robot.interact(() -> {
            try {
                Method fit = TableColumnHeader.class.getDeclaredMethod("resizeColumnToFitContent", int.class);
                fit.setAccessible(true);
                fit.invoke(header, -1);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(address.getWidth()).isGreaterThan(before);
        assertThat(address.getWidth()).isGreaterThanOrEqualTo(textOf(cell(robot, LONG_ADDRESS)).getLayoutBounds().getWidth());
    }

    private static TableColumn<String[], String> column(String header, Function<String[], String> value, double width) {
        TableColumn<String[], String> column = new TableColumn<>(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private TableCell<?, ?> cell(FxRobot robot, String text) {
        return robot.lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> text.equals(c.getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no cell shows " + text));
    }

    private static Text textOf(TableCell<?, ?> cell) {
        return (Text) cell.getChildrenUnmodifiable().stream().filter(Text.class::isInstance).findFirst()
                .orElseThrow(() -> new AssertionError("the cell draws no text"));
    }
}
