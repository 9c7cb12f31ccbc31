package nl.groningen.keukentafel.app.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.UserSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.SameThreadTasks;
import nl.groningen.keukentafel.app.ui.TestSession;
import org.junit.jupiter.api.Test;

/** The login without a toolkit: what the coach is told when the name or password is wrong, and what opens when it is right. */
class LoginViewModelTest {

    private final Messages messages = Messages.forLocale(Messages.DUTCH);
    private final CoachSession session = new TestSession().session();
    private final List<UserSession> opened = new ArrayList<>();
    private final List<String> tried = new ArrayList<>();

    private LoginViewModel login(LoginViewModel.SessionOpener opener, String lockedUser) {
        return new LoginViewModel((user, password) -> {
            tried.add(user + ":" + new String(password));
            return opener.open(user, password);
        }, new SameThreadTasks(), messages, opened::add, lockedUser, "");
    }

    @Test
    void aWrongPasswordSaysSoAndOpensNothing() {
        LoginViewModel model = login((user, password) -> {
            throw new WrongCredentialException();
        }, null);
        model.userProperty().set("sanne");
        char[] password = "verkeerd".toCharArray();

        model.submit(password);

        assertThat(model.problemProperty().get()).isEqualTo("Dit wachtwoord klopt niet. Let op hoofdletters en Caps Lock.");
        assertThat(opened).isEmpty();
        assertThat(model.busyProperty().get()).isFalse();
        assertThat(password).as("the password is not kept in memory").containsOnly('\0');
    }

    @Test
    void aNameNotEnrolledOnThisLaptopIsNamed() {
        LoginViewModel model = login((user, password) -> {
            throw new LoginViewModel.UnknownUserException();
        }, null);
        model.userProperty().set("  piet ");

        model.submit("geheim".toCharArray());

        assertThat(model.problemProperty().get()).isEqualTo(messages.text("login.unknownUser", "piet"));
        assertThat(opened).isEmpty();
    }

    @Test
    void theRightPasswordOpensTheCoachsSession() {
        LoginViewModel model = login((user, password) -> session, null);
        model.userProperty().set(" sanne ");

        model.submit("keukentafel".toCharArray());

        assertThat(tried).containsExactly("sanne:keukentafel");
        assertThat(opened).containsExactly(session);
        assertThat(model.problemProperty().get()).isEmpty();
    }

    @Test
    void anEmptyPasswordIsNotTried() {
        LoginViewModel model = login((user, password) -> session, null);
        model.userProperty().set("sanne");

        model.submit(new char[0]);

        assertThat(model.problemProperty().get()).isEqualTo(messages.text("login.missing"));
        assertThat(tried).isEmpty();
    }

    @Test
    void unlockingKeepsTheUserAndOffersNoEnrolment() {
        List<String> enrolled = new ArrayList<>();
        LoginViewModel locked = login((user, password) -> session, "sanne");
        LoginViewModel fresh = login((user, password) -> session, null);
        locked.offerEnrolment(() -> enrolled.add("locked"));
        fresh.offerEnrolment(() -> enrolled.add("fresh"));

        locked.enrol();
        fresh.enrol();

        assertThat(locked.locked()).isTrue();
        assertThat(locked.userProperty().get()).isEqualTo("sanne");
        assertThat(locked.offersEnrolment()).isFalse();
        assertThat(enrolled).containsExactly("fresh");
    }
}
