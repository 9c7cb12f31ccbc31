package nl.groningen.keukentafel.app.ui;

import java.util.UUID;

/** A {@link Navigator} for view-model tests: remembers the last screen asked for. */
public final class RecordingNavigator implements Navigator {

    /** A screen, with the resident it is about (null for the lists). */
    public record Screen(String name, UUID residentId) {
    }

    private Screen shown;

    /** The screen asked for last, or null when none was. */
    public Screen shown() {
        return shown;
    }

    @Override public void showToday() { shown = new Screen("today", null); }
    @Override public void showCaseload() { shown = new Screen("caseload", null); }
    @Override public void showSocialMap() { shown = new Screen("socialMap", null); }
    @Override public void showDossier(UUID residentId) { shown = new Screen("dossier", residentId); }
    @Override public void showConversation(UUID residentId) { shown = new Screen("conversation", residentId); }
}
