package nl.groningen.keukentafel.app.ui.dossier;

import java.util.UUID;
import nl.groningen.keukentafel.app.domain.TimelineEntry;

/** One line of the dossier timeline as shown: date, what kind, a short summary. */
public record TimelineLine(String date, String kind, String summary, TimelineEntry.Kind type, UUID recordId) {

    @Override
    public String toString() {
        return date + "  " + kind + "  " + summary;
    }
}
