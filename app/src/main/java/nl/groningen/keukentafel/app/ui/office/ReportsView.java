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
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
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
 * table beside it, and the exports. Keyboard: Tab through the choices and the figures' buttons,
 * Enter in a date counts, Space chooses a figure.
 */
public final class ReportsView extends VBox {

    private final ReportsViewModel model;
    private final Messages messages;
    private final FilePicker files;
    private final FlowPane figureChoice = new FlowPane(4, 4);
    private final ToggleGroup figureGroup = new ToggleGroup();
    private final BorderPane figure = new BorderPane();
    private String shownFigure = "reach";
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

        figureChoice.setId("reportFigures");
        figureChoice.getStyleClass().add("figure-choice");
        figure.setId("reportFigure");
        VBox.setVgrow(figure, Priority.ALWAYS);
        model.tablesProperty().addListener((o, old, now) -> showTables(now));

        getChildren().addAll(title, choices, heading, message, figureChoice, figure);
    }

    public void focusFirst() {
        from.requestFocus();
    }

    private Path chooseFile(String extension, String filterKey) {
        return files.save(getScene().getWindow(), messages.text("office.reports.saveTitle"), model.suggestedName(extension),
                messages.text(filterKey), "*." + extension);
    }

    /** A button per figure, and the chosen one's chart and table; the figure the office was looking at stays chosen. */
    private void showTables(List<ReportTables.Table> tables) {
        figureChoice.getChildren().clear();
        figureGroup.getToggles().clear();
        ToggleButton chosen = null;
        for (ReportTables.Table table : tables) {
            ToggleButton button = new ToggleButton(messages.text("office.reports." + table.id() + ".tab"));
            button.setId("figure-" + table.id());
            button.setToggleGroup(figureGroup);
            button.setOnAction(e -> {
                button.setSelected(true);
                showFigure(table);
            });
            figureChoice.getChildren().add(button);
            if (table.id().equals(shownFigure) || chosen == null) {
                chosen = button;
            }
        }
        if (chosen != null) {
            chosen.fire();
        }
    }

    private void showFigure(ReportTables.Table table) {
        shownFigure = table.id();
        Label name = new Label(table.title());
        name.getStyleClass().add("section-title");
        Label source = new Label(table.source());
        source.setWrapText(true);
        HBox chartAndTable = new HBox(12, chart(table), tableView(table));
        VBox.setVgrow(chartAndTable, Priority.ALWAYS);
        VBox content = new VBox(4, name, source, chartAndTable);
        figure.setCenter(content);
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
                ReportTables.Value cell = rows.get(i).cells().get(column);
                series.getData().add(new XYChart.Data<>(cell.number() == null ? 0 : cell.number(), rows.get(i).label()));
            }
            chart.getData().add(series);
        }
        // Few people: whole numbers only on the axis (an automatic axis would mark 2,5 of a person).
        double most = chart.getData().stream().flatMap(series -> series.getData().stream())
                .mapToDouble(d -> d.getXValue().doubleValue()).max().orElse(0);
        if (most < 10) {
            counts.setAutoRanging(false);
            counts.setLowerBound(0);
            counts.setUpperBound(Math.max(1, Math.ceil(most)));
            counts.setTickUnit(1);
            counts.setMinorTickVisible(false);
        }
        chart.setPrefWidth(420);
        chart.setMinWidth(290);
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
            boolean wide = table.columns().size() > 3;
            if (i == 0) {
                tableColumn.setPrefWidth(wide ? 150 : 290);
            } else {
                tableColumn.setPrefWidth(wide ? 130 : 80);
                tableColumn.getStyleClass().add("number");
            }
            view.getColumns().add(tableColumn);
        }
        view.getItems().setAll(table.rows());
        view.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        view.setPrefWidth(table.columns().size() > 3 ? 690 : 460);
        view.setMinWidth(table.columns().size() > 3 ? 670 : 440);
        HBox.setHgrow(view, Priority.ALWAYS);
        return view;
    }
}
