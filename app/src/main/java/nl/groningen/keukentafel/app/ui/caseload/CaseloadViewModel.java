package nl.groningen.keukentafel.app.ui.caseload;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.ui.BackgroundTasks;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.Resident;

/** The caseload screen's state: the rows, how many there are, and what went wrong if anything did. */
public final class CaseloadViewModel {

    private final Supplier<List<Resident>> residents;
    private final BackgroundTasks tasks;
    private final Messages messages;
    private final ObservableList<CaseloadRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    public CaseloadViewModel(Supplier<List<Resident>> residents, BackgroundTasks tasks, Messages messages) {
        this.residents = residents;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** Reads the caseload from the local store in the background and shows it. */
    public void load() {
        tasks.run(() -> residents.get().stream().sorted(CaseloadOrder.bySurname()).map(this::row).toList(),
                loaded -> {
                    rows.setAll(loaded);
                    count.set(messages.text("caseload.count", loaded.size()));
                    problem.set("");
                },
                failure -> problem.set(messages.text("caseload.loadFailed")));
    }

    public ObservableList<CaseloadRow> rows() {
        return rows;
    }

    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    private CaseloadRow row(Resident resident) {
        String status = messages.text("outreach." + resident.outreachStatus().name().toLowerCase(Locale.ROOT));
        return new CaseloadRow(resident.id(), CaseloadOrder.listName(resident), resident.address(),
                resident.postcode(), resident.wijk(), resident.clientNumber(), status, resident.nextContactDue());
    }
}
