package nl.groningen.keukentafel.app.ui;

import java.util.UUID;

/** A {@link Navigator} for view-model tests: remembers the last screen asked for. */
public final class RecordingNavigator implements Navigator {

    /** A screen, with the resident it is about (null for the lists). */
    public record Screen(String name, UUID residentId) {
    }

    private Screen shown;
    private String notice = "";

    /** The screen asked for last, or null when none was. */
    public Screen shown() {
        return shown;
    }

    /** The notice the last dossier was opened with ("" when none). */
    public String notice() {
        return notice;
    }

    @Override public void showToday() { shown = new Screen("today", null); }
    @Override public void showCaseload() { shown = new Screen("caseload", null); }
    @Override public void showSocialMap() { shown = new Screen("socialMap", null); }
    @Override public void showOpenItems() { shown = new Screen("openItems", null); }
    @Override public void showDossier(UUID residentId) { showDossier(residentId, ""); }
    @Override public void showDossier(UUID residentId, String notice) {
        shown = new Screen("dossier", residentId);
        this.notice = notice;
    }
    @Override public void showConversation(UUID residentId) { shown = new Screen("conversation", residentId); }
}
