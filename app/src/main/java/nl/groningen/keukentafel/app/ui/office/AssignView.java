package nl.groningen.keukentafel.app.ui.office;

import java.util.List;
import java.util.UUID;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Confirmation;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.ResidentSummary;

/**
 * "Caseloads toewijzen": the coaches with their caseload sizes beside the residents found by
 * search, wijk and coach; the chosen residents (Ctrl+A for all found) go to a coach after a
 * confirmation that says how many and to whom.
 */
public final class AssignView extends HBox {

    private final TextField query;

    public AssignView(AssignViewModel model) {
        Messages messages = model.messages();
        setId("assignView");
        setSpacing(12);
        setPadding(new Insets(12));

        Label coachesTitle = new Label(messages.text("office.assign.coaches"));
        coachesTitle.getStyleClass().add("screen-title");
        TableView<CoachSummary> coaches = Tables.table("coachesTable", messages.text("office.assign.noCoaches"));
        coaches.getColumns().add(Tables.column(messages.text("office.coach"), 252, CoachSummary::name));
        coaches.getColumns().add(Tables.column(messages.text("office.area"), 80, model::area));
        coaches.getColumns().add(Tables.column(messages.text("office.assign.caseloadSize"), 72, c -> messages.number(c.residents())));
        coaches.setItems(model.coaches());
        VBox.setVgrow(coaches, Priority.ALWAYS);
        VBox left = new VBox(8, coachesTitle, coaches);
        left.setPrefWidth(412);
        left.setMinWidth(412);

        Label title = new Label(messages.text("office.assign.title"));
        title.getStyleClass().add("screen-title");
        query = new TextField();
        query.setId("assignQuery");
        query.setPromptText(messages.text("office.assign.queryPrompt"));
        query.setPrefColumnCount(22);
        query.textProperty().bindBidirectional(model.queryProperty());
        query.setOnAction(e -> model.search());
        Label queryLabel = new Label(messages.text("office.assign.query"));
        queryLabel.setLabelFor(query);
        TextField wijk = new TextField();
        wijk.setId("assignWijk");
        wijk.setPrefColumnCount(10);
        wijk.textProperty().bindBidirectional(model.wijkProperty());
        wijk.setOnAction(e -> model.search());
        Label wijkLabel = new Label(messages.text("office.wijk"));
        wijkLabel.setLabelFor(wijk);
        ComboBox<AssignViewModel.CoachFilter> filter = new ComboBox<>(model.filters());
        filter.setId("assignFilter");
        filter.valueProperty().bindBidirectional(model.filterProperty());
        filter.setConverter(Tables.converter(model::filterLabel));
        Label filterLabel = new Label(messages.text("office.coach"));
        filterLabel.setLabelFor(filter);
        Button search = new Button(messages.text("office.assign.search"));
        search.setId("assignSearch");
        search.setDefaultButton(false);
        search.setOnAction(e -> model.search());
        FlowPane searchRow = new FlowPane(8, 6, queryLabel, query, wijkLabel, wijk, filterLabel, filter, search);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        Label found = new Label();
        found.setId("assignFound");
        found.textProperty().bind(model.foundProperty());
        TableView<ResidentSummary> residents = Tables.table("residentsTable", messages.text("office.assign.noResidents"));
        residents.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        residents.getColumns().add(Tables.column(messages.text("office.clientNumber"), 110, ResidentSummary::clientNumber));
        residents.getColumns().add(Tables.column(messages.text("office.name"), 210, ResidentSummary::name));
        residents.getColumns().add(Tables.column(messages.text("office.wijk"), 110, r -> r.wijk() == null ? "" : r.wijk()));
        residents.getColumns().add(Tables.column(messages.text("office.coach"), 150, r -> r.coachName() == null
                ? messages.text("office.assign.withoutCoach") : r.coachName()));
        residents.setItems(model.residents());
        VBox.setVgrow(residents, Priority.ALWAYS);

        ComboBox<CoachSummary> target = new ComboBox<>(model.coaches());
        target.setId("assignTarget");
        target.setConverter(Tables.converter(c -> c == null ? "" : c.name() + " (" + model.area(c) + ")"));
        Label targetLabel = new Label(messages.text("office.assign.to"));
        targetLabel.setLabelFor(target);
        Button assign = new Button(messages.text("office.assign.assign"));
        assign.setId("assignButton");
        assign.disableProperty().bind(residents.getSelectionModel().selectedItemProperty().isNull()
                .or(target.valueProperty().isNull()));
        assign.setOnAction(e -> {
            List<UUID> chosen = residents.getSelectionModel().getSelectedItems().stream().map(ResidentSummary::id).toList();
            CoachSummary coach = target.getValue();
            if (Confirmation.ask(getScene().getWindow(), "assignQuestion", model.question(chosen.size(), coach),
                    messages.text("office.assign.yes"), messages.text("office.assign.no"))) {
                model.assign(chosen, coach);
            }
        });
        Label selected = new Label();
        selected.setId("assignSelected");
        residents.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<ResidentSummary>) c ->
                selected.setText(messages.text("office.assign.selected",
                        messages.number(residents.getSelectionModel().getSelectedItems().size()))));
        FlowPane assignRow = new FlowPane(8, 6, selected, targetLabel, target, assign);
        assignRow.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("assignMessage");
        message.setWrapText(true);
        message.getStyleClass().add("office-message");
        message.textProperty().bind(model.messageProperty());
        Label keys = new Label(messages.text("office.assign.keys"));
        keys.setWrapText(true);

        VBox right = new VBox(8, title, searchRow, found, residents, assignRow, message, keys);
        HBox.setHgrow(right, Priority.ALWAYS);
        // The search row would ask for its one-line width and squeeze the coaches: it wraps instead.
        right.setPrefWidth(400);
        right.setMinWidth(0);
        getChildren().addAll(left, right);
    }


    public void focusFirst() {
        query.requestFocus();
    }
}
