package nl.groningen.keukentafel.app.ui.enrol;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.profile.Enrolment;
import nl.groningen.keukentafel.app.sync.SyncException;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.LoginRefusedException;
import nl.groningen.keukentafel.app.ui.UserSession;
import nl.groningen.keukentafel.app.ui.Messages;

/**
 * A laptop's first start (or a coach new on this laptop): enrol with the sync server using the
 * coach's own name and password and the office's one-time code, then open the coach's session at
 * once. The server and the code come filled in when IT preconfigured the laptop. Enrolling needs the
 * network; everything after it works offline.
 */
public final class EnrolViewModel {

    /** Enrols and opens the coach's session; throws what {@link Enrolment#enrol} throws. */
    @FunctionalInterface
    public interface Enroller {
        UserSession enrol(String serverUrl, String user, char[] password, String code) throws Exception;
    }

    private final Enroller enroller;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<UserSession> opened;
    private final Runnable back;
    private final StringProperty server = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty code = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    /** {@code back} returns to the login (null when there is no one to log in as yet). */
    public EnrolViewModel(Enroller enroller, BackgroundTasks tasks, Messages messages, Consumer<UserSession> opened,
                          String serverUrl, String enrolmentCode, Runnable back) {
        this.enroller = enroller;
        this.tasks = tasks;
        this.messages = messages;
        this.opened = opened;
        this.back = back;
        server.set(serverUrl == null ? "" : serverUrl);
        code.set(enrolmentCode == null ? "" : enrolmentCode);
    }

    public void submit(char[] password) {
        String serverUrl = server.get().trim();
        String name = user.get().trim();
        String enrolmentCode = code.get().trim();
        if (serverUrl.isEmpty() || name.isEmpty() || password.length == 0 || enrolmentCode.isEmpty()) {
            problem.set(messages.text("enrol.missing"));
            return;
        }
        if (!serverUrl.startsWith("https://") && !serverUrl.startsWith("http://")) {
            problem.set(messages.text("enrol.badServer", serverUrl));
            return;
        }
        busy.set(true);
        problem.set("");
        tasks.run(() -> {
            try {
                return enroller.enrol(serverUrl, name, password, enrolmentCode);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, session -> {
            busy.set(false);
            opened.accept(session);
        }, error -> {
            busy.set(false);
            problem.set(explain(error, serverUrl, name));
        });
    }

    private String explain(Throwable error, String serverUrl, String name) {
        if (error instanceof SyncException e) {
            return messages.text(e.failure().messageKey());
        }
        if (error instanceof LoginRefusedException e) {
            return e.sentence();
        }
        if (error instanceof WrongCredentialException) {
            return messages.text("enrol.otherLocalPassword", name);
        }
        if (error instanceof Enrolment.BadUserNameException) {
            return messages.text("enrol.badUser", name);
        }
        if (error instanceof IllegalArgumentException) {
            return messages.text("enrol.badServer", serverUrl);
        }
        return messages.text("enrol.failed");
    }

    /** Whether there is a login to go back to. */
    public boolean canGoBack() {
        return back != null;
    }

    public void goBack() {
        if (back != null && !busy.get()) {
            back.run();
        }
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty codeProperty() {
        return code;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
