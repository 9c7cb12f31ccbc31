package nl.groningen.keukentafel.app.ui.socialmap;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.domain.SocialMapSearch;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/** The sociale kaart, searched offline as the coach types, narrowed to a wijk. */
public final class SocialMapViewModel {

    private final CoachSession session;
    private final ObservableList<SocialMapEntry> entries = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty wijk = new SimpleStringProperty("");

    public SocialMapViewModel(CoachSession session) {
        this.session = session;
        search.addListener((o, a, b) -> refresh());
        wijk.addListener((o, a, b) -> refresh());
        refresh();
    }

    private void refresh() {
        entries.setAll(SocialMapSearch.find(session.socialMap(), search.get(), wijk.get()));
    }

    public List<String> wijken() {
        return session.socialMap().stream().map(SocialMapEntry::wijk).filter(w -> !w.isBlank()).distinct().sorted().toList();
    }

    public String describe(SocialMapEntry e) {
        String where = e.wijk().isBlank() ? session.messages().text("socialMap.cityWide") : e.wijk();
        return session.messages().text("socialMap.line", e.name(), where, e.when(), e.description(), e.address());
    }

    /**
     * An entry's contact details, one line each: address, opening hours, phone, website. What the
     * entry lacks (entries synced before phone and website existed) is left out, not shown empty.
     */
    public List<String> contactDetails(SocialMapEntry e) {
        List<String> lines = new ArrayList<>();
        add(lines, "socialMap.address", e.address());
        add(lines, "socialMap.openingHours", e.when());
        add(lines, "socialMap.phone", e.phone());
        add(lines, "socialMap.website", e.website());
        return lines;
    }

    private void add(List<String> lines, String key, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(session.messages().text(key, value));
        }
    }

    public ObservableList<SocialMapEntry> entries() {
        return entries;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty wijkProperty() {
        return wijk;
    }
}
