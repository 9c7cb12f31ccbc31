package nl.groningen.keukentafel.app.ui;

import java.util.UUID;

/** A line in a list that opens a resident's dossier: the resident and the text shown. */
public record ResidentLine(UUID residentId, String text) {

    @Override
    public String toString() {
        return text;
    }
}
