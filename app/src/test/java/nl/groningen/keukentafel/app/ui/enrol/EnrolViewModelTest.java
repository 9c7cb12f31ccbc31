package nl.groningen.keukentafel.app.ui.enrol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.profile.Enrolment;
import nl.groningen.keukentafel.app.sync.SyncException;
import nl.groningen.keukentafel.app.sync.SyncFailure;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.UserSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.SameThreadTasks;
import nl.groningen.keukentafel.app.ui.TestSession;
import org.junit.jupiter.api.Test;

/** Enrolling a laptop without a toolkit: what is checked before the server is asked, what each failure tells the coach. */
class EnrolViewModelTest {

    private static final String SERVER = "https://sync.groningen.example";

    private final Messages messages = Messages.forLocale(Messages.DUTCH);
    private final CoachSession session = new TestSession().session();
    private final List<UserSession> opened = new ArrayList<>();
    private final List<String> asked = new ArrayList<>();
    private final List<String> wentBack = new ArrayList<>();

    private EnrolViewModel enrol(EnrolViewModel.Enroller enroller, Runnable back) {
        return new EnrolViewModel((server, user, password, code) -> {
            asked.add(server + " " + user + " " + code);
            return enroller.enrol(server, user, password, code);
        }, new SameThreadTasks(), messages, opened::add, SERVER, "ABCD-EFGH-JKLM", back);
    }

    @Test
    void theServerAndCodeITSetUpAreFilledInAndTheRightOnesOpenTheSession() {
        EnrolViewModel model = enrol((server, user, password, code) -> session, null);
        model.userProperty().set(" sanne ");
        char[] password = "keukentafel".toCharArray();

        model.submit(password);

        assertThat(asked).containsExactly(SERVER + " sanne ABCD-EFGH-JKLM");
        assertThat(opened).containsExactly(session);
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(password).as("the password is not kept in memory").containsOnly('\0');
    }

    @Test
    void aWrongCodeSaysSoAndKeepsTheCoachOnTheForm() {
        EnrolViewModel model = enrol((server, user, password, code) -> {
            throw new SyncException(SyncFailure.BAD_CODE, "code refused", null);
        }, null);
        model.userProperty().set("sanne");

        model.submit("keukentafel".toCharArray());

        assertThat(model.problemProperty().get())
                .isEqualTo("De inschrijfcode is onbekend, al gebruikt of verlopen. Vraag kantoor om een nieuwe.");
        assertThat(opened).isEmpty();
        assertThat(model.userProperty().get()).isEqualTo("sanne");
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void eachOtherFailureIsToldInItsOwnWords() {
        assertThat(failingWith(new WrongCredentialException()).problemProperty().get())
                .isEqualTo(messages.text("enrol.otherLocalPassword", "sanne"));
        assertThat(failingWith(new Enrolment.BadUserNameException()).problemProperty().get())
                .isEqualTo(messages.text("enrol.badUser", "sanne"));
        assertThat(failingWith(new java.io.IOException("disk full")).problemProperty().get())
                .isEqualTo(messages.text("enrol.failed"));
        assertThat(opened).isEmpty();
    }

    /** A form for "sanne" submitted to an enrolment that fails with {@code failure}. */
    private EnrolViewModel failingWith(Exception failure) {
        EnrolViewModel model = enrol((server, user, password, code) -> {
            throw failure;
        }, null);
        model.userProperty().set("sanne");
        model.submit("keukentafel".toCharArray());
        return model;
    }

    @Test
    void aServerAddressWithoutHttpsOrAMissingFieldIsToldBeforeTheServerIsAsked() {
        EnrolViewModel model = enrol((server, user, password, code) -> session, null);
        model.userProperty().set("sanne");
        model.serverProperty().set("sync.groningen.example");

        model.submit("keukentafel".toCharArray());
        assertThat(model.problemProperty().get()).isEqualTo(messages.text("enrol.badServer", "sync.groningen.example"));
        model.serverProperty().set(SERVER);
        model.codeProperty().set(" ");
        model.submit("keukentafel".toCharArray());
        assertThat(model.problemProperty().get()).isEqualTo(messages.text("enrol.missing"));

        assertThat(asked).isEmpty();
        assertThat(opened).isEmpty();
    }

    @Test
    void thereIsALoginToGoBackToOnlyWhenACoachIsEnrolled() {
        EnrolViewModel first = enrol((server, user, password, code) -> session, null);
        EnrolViewModel another = enrol((server, user, password, code) -> session, () -> wentBack.add("login"));

        first.goBack();
        another.goBack();

        assertThat(first.canGoBack()).isFalse();
        assertThat(another.canGoBack()).isTrue();
        assertThat(wentBack).containsExactly("login");
    }
}
