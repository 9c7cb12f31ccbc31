package nl.groningen.keukentafel.app.ui.office;

import java.util.Arrays;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Confirmation;
import nl.groningen.keukentafel.app.ui.DialogButtons;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Theme;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.DeviceSummary;
import nl.groningen.keukentafel.contract.office.EnrolmentCode;
import nl.groningen.keukentafel.contract.office.NewCoach;

/**
 * "Laptops en gebruikers": every device with its user, last sync, app version and waiting
 * changes; revoke (asks, safe default); a new user; a one-time enrolment code, shown large, once.
 */
public final class DevicesView extends VBox {

    private final TableView<DeviceSummary> table;
    private final DevicesViewModel model;
    private final Messages messages;

    public DevicesView(DevicesViewModel model) {
        this.model = model;
        this.messages = model.messages();
        setId("devicesView");
        setSpacing(8);
        setPadding(new Insets(12));

        Label title = new Label(messages.text("office.devices.title"));
        title.getStyleClass().add("screen-title");
        table = Tables.table("devicesTable", messages.text("office.devices.none"));
        table.getColumns().add(Tables.column(messages.text("office.devices.laptop"), 150, DeviceSummary::name));
        table.getColumns().add(Tables.column(messages.text("office.devices.user"), 120, DeviceSummary::userName));
        table.getColumns().add(Tables.column(messages.text("office.devices.role"), 80, d -> model.roleLabel(d.role())));
        table.getColumns().add(Tables.column(messages.text("office.devices.lastSync"), 140, d -> model.when(d.lastSyncAt())));
        table.getColumns().add(Tables.column(messages.text("office.devices.version"), 80, d -> d.appVersion() == null ? "–" : d.appVersion()));
        table.getColumns().add(Tables.column(messages.text("office.devices.waiting"), 90, model::waiting));
        table.getColumns().add(Tables.column(messages.text("office.devices.status"), 170, model::status));
        table.setItems(model.devices());
        VBox.setVgrow(table, Priority.ALWAYS);

        Button revoke = new Button(messages.text("office.devices.revoke"));
        revoke.setId("revokeDevice");
        revoke.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        revoke.setOnAction(e -> {
            DeviceSummary device = table.getSelectionModel().getSelectedItem();
            if (device != null && Confirmation.ask(getScene().getWindow(), "revokeQuestion", model.revokeQuestion(device),
                    messages.text("office.devices.revokeYes"), messages.text("office.devices.revokeNo"))) {
                model.revoke(device);
            }
        });
        Button newUser = new Button(messages.text("office.users.new"));
        newUser.setId("newUser");
        newUser.setOnAction(e -> askNewUser());
        Button newCoach = new Button(messages.text("office.coaches.new"));
        newCoach.setId("newCoach");
        newCoach.setOnAction(e -> askNewCoach());
        Button code = new Button(messages.text("office.users.code"));
        code.setId("newEnrolmentCode");
        code.setOnAction(e -> {
            DeviceSummary device = table.getSelectionModel().getSelectedItem();
            askCode(device == null ? "" : device.userName());
        });
        Button refresh = new Button(messages.text("office.refresh"));
        refresh.setId("refreshDevices");
        refresh.setOnAction(e -> model.refresh());
        FlowPane actions = new FlowPane(8, 6, revoke, newCoach, newUser, code, refresh);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.setId("devicesMessage");
        message.setWrapText(true);
        message.getStyleClass().add("office-message");
        message.textProperty().bind(model.messageProperty());

        getChildren().addAll(title, table, actions, message);
    }

    public void focusFirst() {
        table.requestFocus();
        if (!table.getItems().isEmpty() && table.getSelectionModel().isEmpty()) {
            table.getSelectionModel().selectFirst();
        }
    }

    private void askNewCoach() {
        ButtonType okType = DialogButtons.ok(messages);
        Dialog<ButtonType> dialog = dialog("newCoachDialog", messages.text("office.coaches.newTitle"), okType);
        TextField name = new TextField();
        name.setId("newCoachName");
        ComboBox<String> area = new ComboBox<>();
        area.setId("newCoachArea");
        area.setEditable(true);
        model.coaches().stream().map(CoachSummary::area).filter(a -> a != null && !a.isBlank()).distinct().sorted()
                .forEach(area.getItems()::add);
        Label problem = new Label();
        problem.setId("newCoachProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        GridPane grid = grid();
        row(grid, 0, messages.text("office.coaches.name"), name);
        row(grid, 1, messages.text("office.area"), area);
        grid.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String typedArea = area.getEditor().getText();
            if (name.getText().isBlank() || name.getText().trim().length() > NewCoach.MAX_NAME
                    || typedArea.isBlank() || typedArea.trim().length() > NewCoach.MAX_AREA) {
                problem.setText(messages.text("office.coaches.incomplete", NewCoach.MAX_NAME, NewCoach.MAX_AREA));
                e.consume();
            }
        });
        Platform.runLater(name::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == okType) {
            model.createCoach(name.getText(), area.getEditor().getText());
        }
    }

    private void askNewUser() {
        ButtonType okType = DialogButtons.ok(messages);
        Dialog<ButtonType> dialog = dialog("newUserDialog", messages.text("office.users.newTitle"), okType);
        TextField name = new TextField();
        name.setId("newUserName");
        ComboBox<DevicesViewModel.Role> role = new ComboBox<>();
        role.setId("newUserRole");
        role.getItems().addAll(DevicesViewModel.Role.COACH, DevicesViewModel.Role.OFFICE);
        if (model.admin()) {
            role.getItems().add(DevicesViewModel.Role.ADMIN);
        }
        role.setValue(DevicesViewModel.Role.COACH);
        role.setConverter(Tables.converter(r -> r == null ? "" : model.roleLabel(r)));
        ComboBox<CoachSummary> coach = new ComboBox<>(model.coaches());
        coach.setId("newUserCoach");
        coach.setConverter(Tables.converter(c -> c == null ? "" : c.name() + (c.area() == null || c.area().isBlank() ? "" : " (" + c.area() + ")")));
        coach.disableProperty().bind(role.valueProperty().isNotEqualTo(DevicesViewModel.Role.COACH));
        PasswordField password = new PasswordField();
        password.setId("newUserPassword");
        PasswordField again = new PasswordField();
        again.setId("newUserPasswordAgain");
        Label problem = new Label();
        problem.setId("newUserProblem");
        problem.setWrapText(true);
        problem.getStyleClass().add("problem");
        GridPane grid = grid();
        row(grid, 0, messages.text("office.users.name"), name);
        row(grid, 1, messages.text("office.devices.role"), role);
        row(grid, 2, messages.text("office.coach"), coach);
        row(grid, 3, messages.text("office.users.password"), password);
        row(grid, 4, messages.text("office.users.passwordAgain"), again);
        grid.add(problem, 0, 5, 2, 1);
        dialog.getDialogPane().setContent(grid);
        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String why = newUserProblem(name.getText(), role.getValue(), coach.getValue(), password.getText(), again.getText());
            if (why != null) {
                problem.setText(why);
                e.consume();
            }
        });
        Platform.runLater(name::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == okType) {
            char[] secret = password.getText().toCharArray();
            password.clear();
            again.clear();
            model.createUser(name.getText(), secret, role.getValue(), coach.getValue(), made -> askCode(made));
        }
    }

    private String newUserProblem(String name, DevicesViewModel.Role role, CoachSummary coach, String password, String again) {
        if (!DevicesViewModel.goodUserName(name)) {
            return messages.text("office.users.badName");
        }
        if (role == DevicesViewModel.Role.COACH && coach == null) {
            return messages.text("office.users.needCoach");
        }
        if (password.length() < DevicesViewModel.MIN_PASSWORD) {
            return messages.text("office.users.shortPassword", DevicesViewModel.MIN_PASSWORD);
        }
        if (!Arrays.equals(password.toCharArray(), again.toCharArray())) {
            return messages.text("office.users.passwordsDiffer");
        }
        return null;
    }

    private void askCode(String userName) {
        ButtonType okType = DialogButtons.ok(messages);
        Dialog<ButtonType> dialog = dialog("enrolmentCodeDialog", messages.text("office.code.title"), okType);
        TextField name = new TextField(userName);
        name.setId("codeUserName");
        Spinner<Integer> hours = new Spinner<>(1, 168, 24);
        hours.setId("codeHours");
        hours.setEditable(true);
        GridPane grid = grid();
        row(grid, 0, messages.text("office.users.name"), name);
        row(grid, 1, messages.text("office.code.hours"), hours);
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        grid.add(problem, 0, 2, 2, 1);
        dialog.getDialogPane().setContent(grid);
        Button ok = (Button) dialog.getDialogPane().lookupButton(okType);
        ok.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            if (name.getText().isBlank()) {
                problem.setText(messages.text("office.users.badName"));
                e.consume();
            }
        });
        Platform.runLater(name::requestFocus);
        Optional<ButtonType> answer = dialog.showAndWait();
        if (answer.isPresent() && answer.get() == okType) {
            model.enrolmentCode(name.getText(), hours.getValue(), this::showCode);
        }
    }

    /** The code, large, once: it is not kept anywhere on this PC. */
    private void showCode(EnrolmentCode code) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, "", DialogButtons.close(messages));
        alert.initOwner(getScene().getWindow());
        alert.setTitle(messages.text("office.code.title"));
        alert.setHeaderText(messages.text("office.code.for", code.userName()));
        alert.getDialogPane().setId("enrolmentCodeShown");
        alert.getDialogPane().getStylesheets().add(Theme.appStyleSheet());
        Label big = new Label(code.code());
        big.setId("enrolmentCodeText");
        big.getStyleClass().add("enrolment-code");
        Label once = new Label(messages.text("office.code.once", model.when(code.expiresAt())));
        once.setWrapText(true);
        VBox content = new VBox(12, big, once);
        content.setPrefWidth(460);
        alert.getDialogPane().setContent(content);
        alert.showAndWait();
    }

    private Dialog<ButtonType> dialog(String id, String title, ButtonType ok) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(getScene().getWindow());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.getDialogPane().setId(id);
        dialog.getDialogPane().getButtonTypes().addAll(ok, DialogButtons.cancel(messages));
        return dialog;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        return grid;
    }

    private static void row(GridPane grid, int row, String label, javafx.scene.Node field) {
        Label text = new Label(label);
        text.setLabelFor(field);
        grid.add(text, 0, row);
        grid.add(field, 1, row);
    }

}
