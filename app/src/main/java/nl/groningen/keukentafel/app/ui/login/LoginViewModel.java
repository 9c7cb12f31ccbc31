package nl.groningen.keukentafel.app.ui.login;

import java.util.Arrays;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.LoginRefusedException;
import nl.groningen.keukentafel.app.ui.UserSession;
import nl.groningen.keukentafel.app.ui.Messages;

/** Opens a coach's session from user name and password, off the UI thread (the key derivation is slow on purpose). */
public final class LoginViewModel {

    /** Opens the session for a user and password; throws {@link WrongCredentialException} or {@link UnknownUserException}. */
    @FunctionalInterface
    public interface SessionOpener {
        UserSession open(String user, char[] password);
    }

    /** No coach of that name is enrolled on this laptop. */
    public static class UnknownUserException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    private final SessionOpener opener;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final Consumer<UserSession> opened;
    private final boolean locked;
    private final String hint;
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Runnable enrol;

    public LoginViewModel(SessionOpener opener, BackgroundTasks tasks, Messages messages, Consumer<UserSession> opened,
                          String lockedUser, String hint) {
        this.opener = opener;
        this.tasks = tasks;
        this.messages = messages;
        this.opened = opened;
        this.locked = lockedUser != null;
        this.hint = hint == null ? "" : hint;
        if (lockedUser != null) {
            user.set(lockedUser);
        }
    }

    public void submit(char[] password) {
        String name = user.get() == null ? "" : user.get().trim();
        if (name.isEmpty() || password.length == 0) {
            problem.set(messages.text("login.missing"));
            return;
        }
        busy.set(true);
        problem.set("");
        tasks.run(() -> {
            try {
                return opener.open(name, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }, session -> {
            busy.set(false);
            opened.accept(session);
        }, error -> {
            busy.set(false);
            if (error instanceof WrongCredentialException) {
                problem.set(messages.text("login.wrongPassword"));
            } else if (error instanceof LoginRefusedException refused) {
                problem.set(refused.sentence());
            } else if (error instanceof UnknownUserException) {
                problem.set(messages.text("login.unknownUser", name));
            } else {
                problem.set(messages.text("login.failed"));
            }
        });
    }

    /** Offers "a new coach on this laptop: enrol" on the login (not when unlocking). */
    public void offerEnrolment(Runnable showEnrolment) {
        this.enrol = showEnrolment;
    }

    /** Whether the login offers enrolling another coach. */
    public boolean offersEnrolment() {
        return enrol != null && !locked;
    }

    public void enrol() {
        if (offersEnrolment() && !busy.get()) {
            enrol.run();
        }
    }

    public boolean locked() {
        return locked;
    }

    public String hint() {
        return hint;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
