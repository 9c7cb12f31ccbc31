package nl.groningen.keukentafel.app.profile;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.sync.SyncClient;
import nl.groningen.keukentafel.app.sync.SyncException;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.sync.EnrolResponse;
import okhttp3.OkHttpClient;

/**
 * Enrols this laptop for a coach: the server checks the coach's name, password and the office's
 * one-time code and gives the laptop its own token. A coach new on this laptop gets their local
 * database made first, with the same password; the first sync then brings their caseload. A first
 * enrolment that fails leaves nothing behind. Used by the enrolment screen and by {@code enroll}.
 */
public final class Enrolment {

    private Enrolment() {
    }

    /** The user name is not one a coach can have (the server would refuse it too). */
    public static final class BadUserNameException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Enrols and returns the coach's local store, open (the caller closes it). Throws
     * {@link SyncException} (offline, refused, ...), {@link WrongCredentialException} (an existing
     * local database with another password) or {@link BadUserNameException}.
     */
    public static LocalStore enrol(Profiles profiles, OkHttpClient http, String serverUrl, String userName,
                                   char[] password, String code, String deviceName) throws SyncException, IOException {
        Path file = profiles.fileOf(userName);
        if (file == null) {
            throw new BadUserNameException();
        }
        String user = userName.trim();
        boolean created = !LocalStore.exists(file);
        LocalStore store = created ? LocalStore.create(file, password) : LocalStore.unlock(file, password);
        boolean enrolled = false;
        try {
            EnrolResponse response = enrolStore(store, http, serverUrl, user, password, code, deviceName);
            if (created) {
                store.referenceTable().saveCoach(new Coach(response.coachId(), user, ""));
                store.referenceTable().saveReference(ReferenceData.standard(), List.of());
            }
            profiles.forgetWiped(user);
            enrolled = true;
            return store;
        } finally {
            if (!enrolled) {
                store.close();
                if (created) {
                    profiles.wipe(user); // nothing was in it: a failed first enrolment leaves no half profile
                }
            }
        }
    }

    /**
     * Enrols an open store: the server trades the coach's name, password and code for this laptop's
     * token, which the store keeps. Throws {@link SyncException} when the server says no or cannot be reached.
     */
    public static EnrolResponse enrolStore(LocalStore store, OkHttpClient http, String serverUrl, String userName,
                                           char[] password, String code, String deviceName) throws SyncException {
        EnrolResponse response = new SyncClient(http, serverUrl, null).enrol(userName.trim(), password, code.trim(), deviceName);
        store.syncState().saveEnrolment(new SyncState.Enrolled(serverUrl, response.deviceId(), response.token()));
        return response;
    }

    /** This computer's name, as the office sees the laptop in the device list. */
    public static String deviceName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "laptop";
        }
    }
}
