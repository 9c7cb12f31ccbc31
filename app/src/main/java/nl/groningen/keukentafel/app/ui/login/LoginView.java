package nl.groningen.keukentafel.app.ui.login;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Messages;

/** Log in (or unlock after idle time): user name, password, a clear message when it fails. */
public final class LoginView extends StackPane {

    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();

    public LoginView(LoginViewModel model, Messages messages) {
        setId("loginView");
        Label title = new Label(messages.text(model.locked() ? "login.lockedTitle" : "login.title"));
        title.getStyleClass().add("screen-title");
        // The lock screen's heading is longer than the box is wide: it wraps rather than ending in "...".
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);

        user.setId("loginUser");
        user.textProperty().bindBidirectional(model.userProperty());
        user.setDisable(model.locked());
        password.setId("loginPassword");
        Label userLabel = new Label(messages.text("login.user"));
        userLabel.setLabelFor(user);
        Label passwordLabel = new Label(messages.text("login.password"));
        passwordLabel.setLabelFor(password);

        Button login = new Button(messages.text(model.locked() ? "login.unlock" : "login.submit"));
        login.setId("loginButton");
        login.setDefaultButton(true);
        login.disableProperty().bind(model.busyProperty());
        login.setOnAction(e -> {
            model.submit(password.getText().toCharArray());
            password.clear();
        });

        // While the key is derived: a still "busy" line, not an animation. Every frame of a spinner is
        // drawn in software at a cold start, on the core the login's other work needs.
        Label busy = new Label(messages.text(model.locked() ? "login.busyUnlocking" : "login.busy"));
        busy.setId("loginBusy");
        busy.visibleProperty().bind(model.busyProperty());
        HBox actions = new HBox(8, login, busy);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label problem = new Label();
        problem.setId("loginProblem");
        problem.getStyleClass().add("problem");
        problem.textProperty().bind(model.problemProperty());
        problem.setWrapText(true);

        Label hint = new Label(model.hint());
        hint.setId("loginHint");
        hint.setWrapText(true);

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, userLabel, user);
        form.addRow(1, passwordLabel, password);

        VBox box = new VBox(12, title, form, actions, problem, hint);
        if (model.offersEnrolment()) {
            Button enrol = new Button(messages.text("login.enrol"));
            enrol.setId("loginEnrol");
            enrol.getStyleClass().add("link-button");
            enrol.disableProperty().bind(model.busyProperty());
            enrol.setOnAction(e -> model.enrol());
            box.getChildren().add(enrol);
        }
        box.setMaxWidth(420);
        box.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.setPadding(new Insets(24));
        box.getStyleClass().add("login-box");
        setAlignment(Pos.CENTER);
        getChildren().add(box);
    }

    /** Puts the cursor where the coach types first. */
    public void focus() {
        if (user.isDisabled() || !user.getText().isBlank()) {
            password.requestFocus();
        } else {
            user.requestFocus();
        }
    }
}
