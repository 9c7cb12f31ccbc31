package nl.groningen.keukentafel.app.ui;

/**
 * What a login opens: a coach's {@link CoachSession} over their encrypted database, or the office's
 * online {@link nl.groningen.keukentafel.app.ui.office.OfficeSession}, which keeps nothing on disk.
 */
public interface UserSession {
}
