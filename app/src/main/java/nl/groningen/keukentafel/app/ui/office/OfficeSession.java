package nl.groningen.keukentafel.app.ui.office;

import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import nl.groningen.keukentafel.app.office.OfficeClient;
import nl.groningen.keukentafel.app.office.OfficeException;
import nl.groningen.keukentafel.app.office.OfficeFailure;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.UserSession;

/**
 * An office user's session: online against the server's office API, holding what the screens show
 * in memory only. Every request runs in the background; while one runs the screens say so, and a
 * failure is told in one sentence on the status line (the office changes are all or nothing on the
 * server, so a failed one stored nothing). A lapsed session or a revoked PC ends the session.
 */
public final class OfficeSession implements UserSession {

    /** What ends an office session from the server's side. */
    public interface Ending {
        void ended(OfficeFailure why);
    }

    private final OfficeClient client;
    private final String userName;
    private final boolean admin;
    private final Messages messages;
    private final BackgroundTasks tasks;
    private final Clock clock;
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private Ending ending = why -> { };
    private int running;

    public OfficeSession(OfficeClient client, String userName, String role, Messages messages, BackgroundTasks tasks, Clock clock) {
        this.client = client;
        this.userName = userName;
        this.admin = "admin".equals(role);
        this.messages = messages;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The server's work for one office request: a call on the client. */
    @FunctionalInterface
    public interface Request<T> {
        T on(OfficeClient client) throws OfficeException;
    }

    /**
     * Runs {@code request} in the background; {@code done} gets its answer on the UI thread, or
     * {@code failed} the sentence to show; the status line says so too when the server could not be
     * reached or failed (any answer from it clears that).
     */
    public <T> void request(Request<T> request, Consumer<T> done, Consumer<String> failed) {
        running++;
        busy.set(true);
        Callable<T> work = () -> request.on(client);
        tasks.run(work, answer -> {
            finished();
            status.set("");
            done.accept(answer);
        }, error -> {
            finished();
            OfficeFailure failure = error instanceof OfficeException e ? e.failure() : OfficeFailure.SERVER_ERROR;
            String sentence = sentence(error);
            boolean serverDown = failure == OfficeFailure.OFFLINE || failure == OfficeFailure.SERVER_ERROR;
            status.set(serverDown ? sentence : "");
            failed.accept(sentence);
            if (failure == OfficeFailure.SESSION_ENDED || failure == OfficeFailure.REVOKED || failure == OfficeFailure.NOT_ENROLLED) {
                ending.ended(failure);
            }
        });
    }

    /** The sentence for a failed request: the server's own for a refused caseload file, the bundle's otherwise. */
    public String sentence(Exception error) {
        if (error instanceof OfficeException e) {
            if (e.failure() == OfficeFailure.IMPORT_PROBLEMS && e.serverMessage() != null) {
                return e.serverMessage();
            }
            return messages.text(e.failure().messageKey());
        }
        return messages.text(OfficeFailure.SERVER_ERROR.messageKey());
    }

    private void finished() {
        running--;
        busy.set(running > 0);
    }

    /** Called when the server ends the session (lapsed, PC revoked). */
    public void onEnded(Ending ending) {
        this.ending = ending;
    }

    public String userName() {
        return userName;
    }

    /** An admin may make admins and their enrolment codes; an office user may not. */
    public boolean admin() {
        return admin;
    }

    public Messages messages() {
        return messages;
    }

    public BackgroundTasks tasks() {
        return tasks;
    }

    public Clock clock() {
        return clock;
    }

    public ZoneId zone() {
        return clock.getZone();
    }

    /** The last failure's sentence, empty once a request succeeds. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Whether a request is under way. */
    public BooleanProperty busyProperty() {
        return busy;
    }
}
