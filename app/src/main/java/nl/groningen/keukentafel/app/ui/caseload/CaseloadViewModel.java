package nl.groningen.keukentafel.app.ui.caseload;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.domain.CaseloadFilter;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.EnumLabels;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.attempt.ContactAttempts;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;

/**
 * The caseload screen's state: what is typed and filtered, the matching rows, the counts. Search
 * runs in memory as the coach types; the rows update at once.
 */
public final class CaseloadViewModel {

    private final CoachSession session;
    private final Navigator navigator;
    private final Messages messages;
    private final ObservableList<CaseloadRow> rows = FXCollections.observableArrayList();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty wijk = new SimpleStringProperty("");
    private final ObjectProperty<OutreachStatus> status = new SimpleObjectProperty<>();
    private final BooleanProperty dueOnly = new SimpleBooleanProperty(false);
    private final BooleanProperty openAgreementsOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public CaseloadViewModel(CoachSession session, Navigator navigator) {
        this.session = session;
        this.navigator = navigator;
        this.messages = session.messages();
        search.addListener((o, a, b) -> refresh());
        wijk.addListener((o, a, b) -> refresh());
        status.addListener((o, a, b) -> refresh());
        dueOnly.addListener((o, a, b) -> refresh());
        openAgreementsOnly.addListener((o, a, b) -> refresh());
    }

    /** Recomputes the rows from the caseload in memory. */
    public void refresh() {
        CaseloadFilter filter = new CaseloadFilter(search.get(), blankToNull(wijk.get()), status.get(), dueOnly.get(),
                openAgreementsOnly.get());
        LocalDate today = session.today();
        List<Resident> found = session.caseload().find(filter, today);
        // One label per status, not one bundle lookup per row (a city caseload has 11,000 rows).
        Map<OutreachStatus, String> statusLabels = new HashMap<>();
        rows.setAll(found.stream()
                .map(r -> row(r, today, statusLabels.computeIfAbsent(r.outreachStatus(), this::statusLabel)))
                .toList());
        int total = session.caseload().residents().size();
        count.set(found.size() == total ? messages.text("caseload.count", total)
                : messages.text("caseload.countFiltered", found.size(), total));
    }

    /** The wijken in this caseload, for the filter. */
    public List<String> wijken() {
        return session.caseload().residents().stream().map(Resident::wijk).distinct().sorted().toList();
    }

    public void open(UUID residentId) {
        navigator.showDossier(residentId);
    }

    public void logAttempt(UUID residentId, ContactChannel channel, ContactResult result) {
        ContactAttempts.log(session, residentId, channel, result, this::refresh, problem::set);
    }

    public String statusLabel(OutreachStatus value) {
        return EnumLabels.of(messages, "outreach", value);
    }

    public ObservableList<CaseloadRow> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty wijkProperty() {
        return wijk;
    }

    public ObjectProperty<OutreachStatus> statusProperty() {
        return status;
    }

    public BooleanProperty dueOnlyProperty() {
        return dueOnly;
    }

    public BooleanProperty openAgreementsOnlyProperty() {
        return openAgreementsOnly;
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private static CaseloadRow row(Resident resident, LocalDate today, String statusLabel) {
        return new CaseloadRow(resident.id(), CaseloadOrder.listName(resident), resident.address(),
                resident.postcode(), resident.wijk(), resident.clientNumber(), statusLabel,
                resident.nextContactDue(), Due.of(resident.nextContactDue(), today));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
