package nl.groningen.keukentafel.app.ui.enrol;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Messages;

/**
 * Enrol this laptop: server, the coach's name and password, the office's code. Enter enrols,
 * Escape goes back to the login (when there is one). What IT filled in is there already.
 */
public final class EnrolView extends StackPane {

    private final TextField server = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final TextField code = new TextField();

    public EnrolView(EnrolViewModel model, Messages messages) {
        setId("enrolView");
        Label title = new Label(messages.text("enrol.title"));
        title.getStyleClass().add("screen-title");
        Label intro = new Label(messages.text("enrol.intro"));
        intro.setWrapText(true);

        server.setId("enrolServer");
        server.textProperty().bindBidirectional(model.serverProperty());
        user.setId("enrolUser");
        user.textProperty().bindBidirectional(model.userProperty());
        password.setId("enrolPassword");
        code.setId("enrolCode");
        code.setPromptText("XXXX-XXXX-XXXX");
        code.textProperty().bindBidirectional(model.codeProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, label(messages.text("enrol.server"), server), server);
        form.addRow(1, label(messages.text("enrol.user"), user), user);
        form.addRow(2, label(messages.text("enrol.password"), password), password);
        form.addRow(3, label(messages.text("enrol.code"), code), code);
        for (TextField field : new TextField[] {server, user, password, code}) {
            GridPane.setHgrow(field, Priority.ALWAYS);
        }

        Button enrol = new Button(messages.text("enrol.submit"));
        enrol.setId("enrolButton");
        enrol.setDefaultButton(true);
        enrol.disableProperty().bind(model.busyProperty());
        enrol.setOnAction(e -> {
            model.submit(password.getText().toCharArray());
            password.clear();
        });
        HBox actions = new HBox(8, enrol);
        actions.setAlignment(Pos.CENTER_LEFT);
        if (model.canGoBack()) {
            Button back = new Button(messages.text("enrol.back"));
            back.setId("enrolBack");
            back.setCancelButton(true);
            back.disableProperty().bind(model.busyProperty());
            back.setOnAction(e -> model.goBack());
            actions.getChildren().add(back);
        }
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(model.busyProperty());
        Label busyText = new Label(messages.text("enrol.busy"));
        busyText.visibleProperty().bind(model.busyProperty());
        actions.getChildren().addAll(busy, busyText);

        Label problem = new Label();
        problem.setId("enrolProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);

        VBox box = new VBox(12, title, intro, form, actions, problem);
        box.setMaxWidth(520);
        box.setMaxHeight(Region.USE_PREF_SIZE);
        box.setPadding(new Insets(24));
        box.getStyleClass().add("login-box");
        setAlignment(Pos.CENTER);
        getChildren().add(box);
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE && model.canGoBack()) {
                model.goBack();
                e.consume();
            }
        });
    }

    private static Label label(String text, TextField field) {
        Label label = new Label(text);
        label.setLabelFor(field);
        label.setMnemonicParsing(true);
        return label;
    }

    /** Puts the cursor in the first field still empty (the server when IT did not fill it in). */
    public void focus() {
        for (TextField field : new TextField[] {server, user, password, code}) {
            if (field.getText().isBlank()) {
                field.requestFocus();
                return;
            }
        }
        password.requestFocus();
    }
}
