package nl.groningen.keukentafel.app.ui.office;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.ResidentSummary;

/**
 * Caseloads: each coach with the size of their caseload, residents found by search text, wijk and
 * coach, and moving the chosen ones to a coach. The move is the server's existing one: the
 * residents reach the new coach's laptop with their history at its next sync and leave the old one.
 */
public final class AssignViewModel {

    /** Residents shown at most per search (the server's page). */
    static final int PAGE = 500;

    /** Whose residents a search shows: everyone's, no coach's, or one coach's. */
    public record CoachFilter(CoachSummary coach, boolean withoutCoach) {
        static final CoachFilter ALL = new CoachFilter(null, false);
        static final CoachFilter NONE = new CoachFilter(null, true);

        String query() {
            return coach != null ? coach.id().toString() : withoutCoach ? "none" : null;
        }
    }

    private final OfficeSession session;
    private final Messages messages;
    private final ObservableList<CoachSummary> coaches = FXCollections.observableArrayList();
    private final ObservableList<CoachFilter> filters = FXCollections.observableArrayList(CoachFilter.ALL, CoachFilter.NONE);
    private final ObservableList<ResidentSummary> residents = FXCollections.observableArrayList();
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty wijk = new SimpleStringProperty("");
    private final ObjectProperty<CoachFilter> filter = new SimpleObjectProperty<>(CoachFilter.ALL);
    private final StringProperty found = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");

    public AssignViewModel(OfficeSession session) {
        this.session = session;
        this.messages = session.messages();
    }

    /** Fetches the coaches and their caseload sizes. */
    public void refreshCoaches() {
        session.request(client -> client.coaches(), list -> {
            CoachFilter chosen = filter.get();
            coaches.setAll(list.coaches());
            filters.setAll(CoachFilter.ALL, CoachFilter.NONE);
            list.coaches().forEach(c -> filters.add(new CoachFilter(c, false)));
            filter.set(filters.stream().filter(f -> sameCoach(f, chosen)).findFirst().orElse(CoachFilter.ALL));
        }, failed -> { });
    }

    private static boolean sameCoach(CoachFilter a, CoachFilter b) {
        return b != null && java.util.Objects.equals(a.query(), b.query());
    }

    /** Searches with the text, wijk and coach chosen. */
    public void search() {
        CoachFilter chosen = filter.get() == null ? CoachFilter.ALL : filter.get();
        found.set(messages.text("office.assign.searching"));
        session.request(client -> client.residents(query.get(), wijk.get(), chosen.query(), 0, PAGE), page -> {
            residents.setAll(page.residents());
            found.set(page.total() > page.residents().size()
                    ? messages.text("office.assign.foundFirst", messages.number(page.residents().size()), messages.number(page.total()))
                    : messages.text("office.assign.found", messages.number(page.total())));
        }, failed -> found.set(""));
    }

    /** The confirmation's question: how many, and to whom. */
    public String question(int count, CoachSummary coach) {
        return messages.text("office.assign.question", messages.number(count), coach.name(), area(coach));
    }

    /** Moves these residents to the coach (the caller confirmed); all or none. */
    public void assign(List<UUID> residentIds, CoachSummary coach) {
        if (residentIds.isEmpty() || coach == null) {
            return;
        }
        message.set("");
        session.request(client -> client.assign(residentIds, coach.id()), result -> {
            message.set(result.alreadyWithCoach() == 0
                    ? messages.text("office.assign.moved", messages.number(result.moved()), coach.name())
                    : messages.text("office.assign.movedSome", messages.number(result.moved()), coach.name(),
                    messages.number(result.alreadyWithCoach())));
            refreshCoaches();
            search();
        }, message::set);
    }

    String area(CoachSummary coach) {
        return coach.area() == null || coach.area().isBlank() ? messages.text("office.noArea") : coach.area();
    }

    public String filterLabel(CoachFilter f) {
        if (f == null || f.coach() == null) {
            return messages.text(f != null && f.withoutCoach() ? "office.assign.withoutCoach" : "office.assign.allCoaches");
        }
        return f.coach().name();
    }

    public ObservableList<CoachSummary> coaches() {
        return coaches;
    }

    public ObservableList<CoachFilter> filters() {
        return filters;
    }

    public ObservableList<ResidentSummary> residents() {
        return residents;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty wijkProperty() {
        return wijk;
    }

    public ObjectProperty<CoachFilter> filterProperty() {
        return filter;
    }

    public StringProperty foundProperty() {
        return found;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public Messages messages() {
        return messages;
    }
}
