package nl.groningen.keukentafel.app.ui.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.office.ReportQuery;
import nl.groningen.keukentafel.app.print.ReportPrintout;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.office.CoachSummary;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The council's figures for a chosen period and scope, counted by the server from what the laptops
 * synced, as tables (and the screen's charts), and exported: CSV as the server writes it, PDF from
 * the tables on the screen; both hide counts below 5 about a wijk or a coach as "&lt; 5".
 */
public final class ReportsViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsViewModel.class);

    /** One answer to "which area, wijk or coach": its label and what the server is asked for. */
    public record ScopeChoice(String label, String value) {
    }

    private final OfficeSession session;
    private final Messages messages;
    private final ReportTables tables;
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    private final ObjectProperty<ReportScope.Level> level = new SimpleObjectProperty<>(ReportScope.Level.CITY);
    private final ObservableList<ScopeChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ScopeChoice> choice = new SimpleObjectProperty<>();
    private final ObjectProperty<List<ReportTables.Table>> shown = new SimpleObjectProperty<>(List.of());
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty heading = new SimpleStringProperty("");
    private final BooleanProperty canExport = new SimpleBooleanProperty(false);
    private final List<CoachSummary> coaches = new ArrayList<>();
    private final List<String> wijken = new ArrayList<>();
    private ReportFigures figures;
    private ReportQuery query;

    public ReportsViewModel(OfficeSession session) {
        this.session = session;
        this.messages = session.messages();
        this.tables = new ReportTables(messages, ReferenceData.standard());
        LocalDate today = LocalDate.now(session.clock().withZone(session.zone()));
        from.set(today.withDayOfYear(1));
        to.set(today);
        level.addListener((o, old, now) -> fillChoices());
    }

    /** The coaches and wijken to choose from, then the figures for what is chosen. */
    public void refresh() {
        session.request(client -> client.coaches(), list -> {
            coaches.clear();
            coaches.addAll(list.coaches());
            fillChoices();
        }, failed -> { });
        show();
    }

    /** Asks the server for the figures of the chosen period and scope. */
    public void show() {
        String problem = problem();
        if (problem != null) {
            message.set(problem);
            return;
        }
        ReportQuery asked = new ReportQuery(from.get(), to.get(), scope(), null);
        message.set(messages.text("office.reports.counting"));
        session.request(client -> client.report(asked), answer -> {
            figures = answer;
            query = asked;
            if (answer.scope().level() == ReportScope.Level.CITY) {
                wijken.clear();
                answer.approaches().perWijk().forEach(w -> wijken.add(w.wijk()));
                wijken.sort(String::compareTo);
            }
            heading.set(messages.text("office.reports.heading", messages.date(answer.from()), messages.date(answer.to()),
                    describe(answer.scope()), messages.date(answer.asOf())));
            shown.set(tables.of(answer));
            canExport.set(true);
            message.set("");
        }, message::set);
    }

    /** Why the choice cannot be counted (no dates, a period that ends before it starts, no area chosen), or null. */
    private String problem() {
        if (from.get() == null || to.get() == null) {
            return messages.text("office.reports.needDates");
        }
        if (from.get().isAfter(to.get())) {
            return messages.text("office.reports.backwards");
        }
        if (level.get() != ReportScope.Level.CITY && choice.get() == null) {
            return messages.text("office.reports.needChoice");
        }
        return null;
    }

    private ReportScope scope() {
        return switch (level.get()) {
            case CITY -> ReportScope.city();
            case AREA -> ReportScope.area(choice.get().value());
            case WIJK -> ReportScope.wijk(choice.get().value());
            case COACH -> ReportScope.coach(UUID.fromString(choice.get().value()));
        };
    }

    private void fillChoices() {
        ScopeChoice before = choice.get();
        List<ScopeChoice> now = switch (level.get()) {
            case CITY -> List.of();
            case AREA -> coaches.stream().map(CoachSummary::area).filter(a -> a != null && !a.isBlank()).distinct().sorted()
                    .map(a -> new ScopeChoice(a, a)).toList();
            case WIJK -> wijken.stream().map(w -> new ScopeChoice(w, w)).toList();
            case COACH -> coaches.stream().map(c -> new ScopeChoice(c.name(), c.id().toString())).toList();
        };
        choices.setAll(now);
        choice.set(now.stream().filter(c -> before != null && c.value().equals(before.value())).findFirst()
                .orElse(now.isEmpty() ? null : now.get(0)));
    }

    /** How a scope reads in a heading: "de hele stad", "gebied Noordwest", "wijk Selwerd", "coach Sanne Voorbeeld". */
    String describe(ReportScope scope) {
        return switch (scope.level()) {
            case CITY -> messages.text("office.reports.scope.city");
            case AREA -> messages.text("office.reports.scope.areaNamed", scope.value());
            case WIJK -> messages.text("office.reports.scope.wijkNamed", scope.value());
            case COACH -> messages.text("office.reports.scope.coachNamed", coaches.stream()
                    .filter(c -> c.id().toString().equals(scope.value())).map(CoachSummary::name).findFirst()
                    .orElse(messages.text("office.reports.unknownCoach")));
        };
    }

    public String levelLabel(ReportScope.Level shownLevel) {
        return shownLevel == null ? "" : messages.text("office.reports.scope." + shownLevel.name().toLowerCase(Locale.ROOT));
    }

    /** A file name for an export that says what it holds and names nobody. */
    public String suggestedName(String extension) {
        ReportQuery last = query;
        return "keukentafel-cijfers-" + last.scope().level().name().toLowerCase(Locale.ROOT) + "-" + last.from() + "-tm-" + last.to()
                + "." + extension;
    }

    /** Saves the shown figures as the server's CSV (small counts hidden) to {@code file}. */
    public void exportCsv(Path file) {
        ReportQuery last = query;
        if (last == null || file == null) {
            return;
        }
        session.request(client -> client.reportCsv(last), csv -> save(file, out -> out.write(csv)), message::set);
    }

    /** Saves the shown figures as a PDF in plain Dutch (small counts hidden) to {@code file}. */
    public void exportPdf(Path file) {
        ReportFigures last = figures;
        if (last == null || file == null) {
            return;
        }
        ReportPrintout.Content content = printout(last);
        save(file, out -> ReportPrintout.write(content, out));
    }

    /** What the PDF says: the same tables as the screen, as they may leave the office. */
    ReportPrintout.Content printout(ReportFigures f) {
        boolean smallScope = f.scope().isSmallArea();
        List<ReportPrintout.Section> sections = new ArrayList<>();
        for (ReportTables.Table table : tables.of(f)) {
            List<List<String>> rows = table.rows().stream()
                    .map(row -> row.cells().stream().map(cell -> tables.shown(table, row, cell, true, smallScope)).toList())
                    .toList();
            sections.add(new ReportPrintout.Section(table.title(), table.source(), table.columns(), rows,
                    messages.text("office.reports.empty")));
        }
        return new ReportPrintout.Content(messages.text("office.reports.pdfTitle"),
                List.of(messages.text("office.reports.heading", messages.date(f.from()), messages.date(f.to()), describe(f.scope()),
                        messages.date(f.asOf()))),
                messages.text("office.reports.smallNote", ReportFigures.SMALL_COUNT), sections,
                messages.text("office.reports.pdfFooter", messages.date(LocalDate.now(session.clock().withZone(session.zone())))));
    }

    @FunctionalInterface
    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** Writes the export next to its final name and moves it there: a full disk leaves no half file. */
    private void save(Path file, Writing writing) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        String name = file.getFileName().toString();
        // Off the UI thread: a PDF of every figure on a slow or full disk must not freeze the screen.
        session.tasks().run(() -> {
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    writing.to(out);
                }
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                return name;
            } catch (IOException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
        }, saved -> message.set(messages.text("office.reports.saved", saved)), e -> {
            LOG.warn("A report export could not be saved ({})", e.getClass().getSimpleName());
            message.set(messages.text("office.reports.saveFailed", name));
        });
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObjectProperty<ReportScope.Level> levelProperty() {
        return level;
    }

    public ObservableList<ScopeChoice> choices() {
        return choices;
    }

    public ObjectProperty<ScopeChoice> choiceProperty() {
        return choice;
    }

    public ObjectProperty<List<ReportTables.Table>> tablesProperty() {
        return shown;
    }

    public ReportTables tables() {
        return tables;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public BooleanProperty canExportProperty() {
        return canExport;
    }
}
