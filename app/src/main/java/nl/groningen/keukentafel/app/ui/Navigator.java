package nl.groningen.keukentafel.app.ui;

import java.util.UUID;

/** Moves between the screens of the main window. */
public interface Navigator {

    void showToday();

    void showCaseload();

    void showSocialMap();

    /** Openstaand: every open agreement and open referral of the caseload, the first due first. */
    void showOpenItems();

    void showDossier(UUID residentId);

    /** Opens the dossier with a notice on top: what was just done (a conversation finalised, say). */
    void showDossier(UUID residentId, String notice);

    /** Opens the conversation form for a resident: the draft in progress, or a new one. */
    void showConversation(UUID residentId);
}
