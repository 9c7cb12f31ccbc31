package nl.groningen.keukentafel.app.ui.office;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.DeviceSummary;
import nl.groningen.keukentafel.contract.office.EnrolmentCode;
import nl.groningen.keukentafel.contract.office.NewCoach;
import nl.groningen.keukentafel.contract.office.NewUser;

/**
 * Laptops and users: every enrolled device with its user, last sync, app version and the changes
 * it last said were still waiting; revoking one; making a coach, office or admin user; a one-time
 * enrolment code, shown once.
 */
public final class DevicesViewModel {

    /** The roles an office user may give; an admin may also make admins. */
    public enum Role {
        COACH, OFFICE, ADMIN;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final OfficeSession session;
    private final Messages messages;
    private final ObservableList<DeviceSummary> devices = FXCollections.observableArrayList();
    private final ObservableList<CoachSummary> coaches = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");

    public DevicesViewModel(OfficeSession session) {
        this.session = session;
        this.messages = session.messages();
    }

    /** Fetches the devices (and the coaches a new coach user can belong to). */
    public void refresh() {
        session.request(client -> client.devices(), list -> devices.setAll(list.devices()), failed -> { });
        session.request(client -> client.coaches(), list -> coaches.setAll(list.coaches()), failed -> { });
    }

    public String revokeQuestion(DeviceSummary device) {
        return messages.text("office.devices.revokeQuestion", device.name(), device.userName());
    }

    /** Revokes the device (the caller confirmed): its token opens nothing more; the laptop wipes itself at its next contact. */
    public void revoke(DeviceSummary device) {
        message.set("");
        session.request(client -> client.revoke(device.id()), result -> {
            message.set(messages.text(result.revoked() ? "office.devices.revoked" : "office.devices.revokedBefore", device.name()));
            refresh();
        }, message::set);
    }

    /** Makes a user; {@code made} hears their name once it exists (to offer an enrolment code next). */
    public void createUser(String userName, char[] password, Role role, CoachSummary coach, Consumer<String> made) {
        message.set("");
        UUID coachId = role == Role.COACH && coach != null ? coach.id() : null;
        String secret = new String(password);
        java.util.Arrays.fill(password, '\0');
        session.request(client -> client.createUser(new NewUser(userName.trim(), secret, role.wire(), coachId)), created -> {
            message.set(messages.text("office.users.created", created.userName(), roleLabel(role)));
            refresh();
            made.accept(created.userName());
        }, message::set);
    }

    /** Adds a coach; a user for them (and a code for their laptop) comes next, with "Nieuwe gebruiker". */
    public void createCoach(String name, String area) {
        message.set("");
        session.request(client -> client.createCoach(new NewCoach(name.trim(), area.trim())), created -> {
            message.set(messages.text("office.coaches.created", created.name(), created.area()));
            refresh();
        }, message::set);
    }

    /** Makes a one-time enrolment code for the user; {@code shown} gets it to show large, once. */
    public void enrolmentCode(String userName, int validHours, Consumer<EnrolmentCode> shown) {
        message.set("");
        session.request(client -> client.enrolmentCode(userName.trim(), validHours), code -> {
            message.set(messages.text("office.code.made", code.userName(), when(code.expiresAt())));
            shown.accept(code);
        }, message::set);
    }

    /** A user name the server would take: 2 to 64 letters, digits, '.', '_' or '-'. */
    public static boolean goodUserName(String name) {
        return name != null && name.trim().matches("[A-Za-z0-9._-]{2,64}");
    }

    /** The server's minimum (an office-made password is the user's until they change it). */
    public static final int MIN_PASSWORD = 10;

    public String roleLabel(Role role) {
        return messages.text("office.role." + role.wire());
    }

    public String roleLabel(String wire) {
        return wire == null ? "" : messages.text("office.role." + wire);
    }

    /** A moment in Dutch: "3 dec. 2026 14:05", or a dash for never. */
    public String when(Instant instant) {
        if (instant == null) {
            return "–";
        }
        java.time.ZonedDateTime at = instant.atZone(session.zone());
        return messages.date(at.toLocalDate()) + " " + String.format("%02d:%02d", at.getHour(), at.getMinute());
    }

    public String status(DeviceSummary device) {
        return device.revokedAt() != null ? messages.text("office.devices.revokedAt", when(device.revokedAt()))
                : messages.text("office.devices.active");
    }

    public String waiting(DeviceSummary device) {
        return device.waitingChanges() == null ? "–" : messages.number(device.waitingChanges());
    }

    public boolean admin() {
        return session.admin();
    }

    public ObservableList<DeviceSummary> devices() {
        return devices;
    }

    public ObservableList<CoachSummary> coaches() {
        return coaches;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public Messages messages() {
        return messages;
    }
}
