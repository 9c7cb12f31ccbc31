package nl.groningen.keukentafel.app.ui;

import javafx.application.Application;

/**
 * The app's look for JavaFX's controls: {@code theme.css} as the user-agent style sheet, in place
 * of JavaFX's Modena, which styles every control JavaFX has and works out its colours at run time
 * (at a cold start, matching and resolving its rules was much of the UI thread's work: docs/startup.md). The app's
 * own styles stay in {@code keukentafel.css}, on top of either.
 *
 * <p>Except when the operating system is set to high contrast (Windows): JavaFX then puts its own
 * high-contrast sheet for that setting on top of Modena, and only on top of Modena, so the app keeps
 * Modena. The same when {@value #HIGH_CONTRAST_PROPERTY} names such a sheet, as JavaFX allows.
 */
public final class Theme {

    /** JavaFX's system property that asks for one of its high-contrast sheets (for instance {@code BLACKONWHITE}). */
    static final String HIGH_CONTRAST_PROPERTY = "com.sun.javafx.highContrastTheme";

    private Theme() {
    }

    /** The app's own styles ({@code keukentafel.css}, beside this class), for a scene's or a view's style sheets. */
    public static String appStyleSheet() {
        return Theme.class.getResource("keukentafel.css").toExternalForm();
    }

    /** Sets the app's look for every window; on the JavaFX thread, before the first scene is shown. */
    public static void apply() {
        if (!highContrast()) {
            Application.setUserAgentStylesheet(Theme.class.getResource("theme.css").toExternalForm());
        }
    }

    /**
     * Whether high contrast is asked for. The platform's setting is only in JavaFX's toolkit (there is
     * no public API for it before JavaFX 22): read by reflection, and taken as "no" if it cannot be.
     */
    static boolean highContrast() {
        if (System.getProperty(HIGH_CONTRAST_PROPERTY) != null) {
            return true;
        }
        try {
            Object toolkit = Class.forName("com.sun.javafx.tk.Toolkit").getMethod("getToolkit").invoke(null);
            return toolkit.getClass().getMethod("getThemeName").invoke(toolkit) != null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }
}
