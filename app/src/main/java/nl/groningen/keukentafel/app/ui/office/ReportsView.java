package nl.groningen.keukentafel.app.ui.office;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Fields;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.office.ReportScope;

/**
 * The reports screen: period and scope at the top, then a tab per figure, each a chart with its
 * table beside it, and the exports. Keyboard: Tab through the choices, Enter in a date counts,
 * Ctrl+Tab moves between figures.
 */
public final class ReportsView extends VBox {

    private final ReportsViewModel model;
    private final Messages messages;
    private final FilePicker files;
    private final TabPane figures = new TabPane();
    private final DatePicker from;

    public ReportsView(ReportsViewModel model, Messages messages, FilePicker files) {
        super(8);
        this.model = model;
        this.messages = messages;
        this.files = files;
        setId("reportsView");
        setPadding(new Insets(12));

        Label title = new Label(messages.text("office.reports.title"));
        title.getStyleClass().add("screen-title");

        from = Fields.datePicker("reportFrom", messages);
        from.valueProperty().bindBidirectional(model.fromProperty());
        from.setPrefWidth(130);
        from.setOnAction(e -> model.show());
        Label fromLabel = new Label(messages.text("office.reports.from"));
        fromLabel.setLabelFor(from);
        DatePicker to = Fields.datePicker("reportTo", messages);
        to.valueProperty().bindBidirectional(model.toProperty());
        to.setPrefWidth(130);
        to.setOnAction(e -> model.show());
        Label toLabel = new Label(messages.text("office.reports.to"));
        toLabel.setLabelFor(to);
        ComboBox<ReportScope.Level> level = new ComboBox<>();
        level.setId("reportLevel");
        level.getItems().addAll(ReportScope.Level.values());
        level.valueProperty().bindBidirectional(model.levelProperty());
        level.setConverter(Tables.converter(model::levelLabel));
        Label levelLabel = new Label(messages.text("office.reports.level"));
        levelLabel.setLabelFor(level);
        ComboBox<ReportsViewModel.ScopeChoice> choice = new ComboBox<>(model.choices());
        choice.setId("reportChoice");
        choice.valueProperty().bindBidirectional(model.choiceProperty());
        choice.setConverter(Tables.converter(c -> c == null ? "" : c.label()));
        choice.disableProperty().bind(model.levelProperty().isEqualTo(ReportScope.Level.CITY));
        choice.setPrefWidth(190);
        Button show = new Button(messages.text("office.reports.show"));
        show.setId("reportShow");
        show.setOnAction(e -> model.show());
        Button csv = new Button(messages.text("office.reports.csv"));
        csv.setId("reportCsv");
        csv.disableProperty().bind(model.canExportProperty().not());
        csv.setOnAction(e -> model.exportCsv(chooseFile("csv", "office.reports.csvFiles")));
        Button pdf = new Button(messages.text("office.reports.pdf"));
        pdf.setId("reportPdf");
        pdf.disableProperty().bind(model.canExportProperty().not());
        pdf.setOnAction(e -> model.exportPdf(chooseFile("pdf", "office.reports.pdfFiles")));
        FlowPane choices = new FlowPane(8, 6, fromLabel, from, toLabel, to, levelLabel, level, choice, show, csv, pdf);
        choices.setAlignment(Pos.CENTER_LEFT);

        Label heading = new Label();
        heading.setId("reportHeading");
        heading.setWrapText(true);
        heading.textProperty().bind(model.headingProperty());
        Label message = new Label();
        message.setId("reportMessage");
        message.setWrapText(true);
        message.getStyleClass().add("office-message");
        message.textProperty().bind(model.messageProperty());

        figures.setId("reportTabs");
        figures.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(figures, Priority.ALWAYS);
        model.tablesProperty().addListener((o, old, now) -> showTables(now));

        getChildren().addAll(title, choices, heading, message, figures);
    }

    public void focusFirst() {
        from.requestFocus();
    }

    private Path chooseFile(String extension, String filterKey) {
        return files.save(getScene().getWindow(), messages.text("office.reports.saveTitle"), model.suggestedName(extension),
                messages.text(filterKey), "*." + extension);
    }

    /** One tab per figure; the tab the office was looking at stays chosen. */
    private void showTables(List<ReportTables.Table> tables) {
        int selected = Math.max(0, figures.getSelectionModel().getSelectedIndex());
        figures.getTabs().clear();
        for (ReportTables.Table table : tables) {
            Tab tab = new Tab(messages.text("office.reports." + table.id() + ".tab"));
            tab.setId("tab-" + table.id());
            VBox explained = new VBox(6, new Label(table.title()), new Label(table.source()));
            explained.getChildren().get(0).getStyleClass().add("section-title");
            HBox chartAndTable = new HBox(12, chart(table), tableView(table));
            VBox.setVgrow(chartAndTable, Priority.ALWAYS);
            VBox content = new VBox(6, explained, chartAndTable);
            content.setPadding(new Insets(8));
            tab.setContent(content);
            figures.getTabs().add(tab);
        }
        if (!figures.getTabs().isEmpty()) {
            figures.getSelectionModel().select(Math.min(selected, figures.getTabs().size() - 1));
        }
    }

    private BarChart<Number, String> chart(ReportTables.Table table) {
        NumberAxis counts = new NumberAxis();
        counts.setForceZeroInRange(true);
        CategoryAxis labels = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(counts, labels);
        chart.setId("chart-" + table.id());
        chart.setAnimated(false);
        chart.setLegendVisible(table.chartColumns().size() > 1);
        chart.setFocusTraversable(false);
        for (int column : table.chartColumns()) {
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            series.setName(table.columns().get(column));
            // A horizontal chart draws its first category at the bottom: reversed, it reads like the table.
            List<ReportTables.Row> rows = table.rows().stream().filter(ReportTables.Row::charted).toList();
            for (int i = rows.size() - 1; i >= 0; i--) {
                ReportTables.Cell cell = rows.get(i).cells().get(column);
                series.getData().add(new XYChart.Data<>(cell.number() == null ? 0 : cell.number(), rows.get(i).label()));
            }
            chart.getData().add(series);
        }
        chart.setPrefWidth(520);
        chart.setMinWidth(360);
        HBox.setHgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private TableView<ReportTables.Row> tableView(ReportTables.Table table) {
        TableView<ReportTables.Row> view = new TableView<>();
        view.setId("table-" + table.id());
        view.setPlaceholder(new Label(messages.text("office.reports.empty")));
        for (int i = 0; i < table.columns().size(); i++) {
            int column = i;
            TableColumn<ReportTables.Row, String> tableColumn = new TableColumn<>(table.columns().get(i));
            tableColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                    model.tables().shown(table, c.getValue(), c.getValue().cells().get(column), false, false)));
            tableColumn.setSortable(false);
            if (i == 0) {
                tableColumn.setPrefWidth(table.columns().size() > 3 ? 170 : 300);
            } else {
                tableColumn.setPrefWidth(table.columns().size() > 3 ? 95 : 80);
                tableColumn.setStyle("-fx-alignment: CENTER-RIGHT;");
            }
            view.getColumns().add(tableColumn);
        }
        view.getItems().setAll(table.rows());
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setPrefWidth(table.columns().size() > 3 ? 560 : 470);
        view.setMinWidth(380);
        HBox.setHgrow(view, Priority.ALWAYS);
        return view;
    }
}
