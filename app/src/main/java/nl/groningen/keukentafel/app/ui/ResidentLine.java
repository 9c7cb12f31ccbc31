package nl.groningen.keukentafel.app.ui;

import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Due;

/** A line in a list that opens a resident's dossier: the resident, the text shown and how near its date is. */
public record ResidentLine(UUID residentId, String text, Due due) {

    /** A line without a date to mark. */
    public ResidentLine(UUID residentId, String text) {
        this(residentId, text, Due.LATER);
    }

    @Override
    public String toString() {
        return text;
    }
}
