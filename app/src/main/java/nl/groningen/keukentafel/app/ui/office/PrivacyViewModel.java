package nl.groningen.keukentafel.app.ui.office;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.print.AccessPrintout;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.AuditTrail;
import nl.groningen.keukentafel.contract.office.ErasureReason;
import nl.groningen.keukentafel.contract.office.ErasureRequest;
import nl.groningen.keukentafel.contract.office.ErasureSummary;
import nl.groningen.keukentafel.contract.office.ResidentSummary;
import nl.groningen.keukentafel.contract.sync.RecordKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Inzage en wissen": one resident found by client number or name, who saw or changed them and
 * when (the server's audit trail, newest first), their right of access saved as the plain-Dutch
 * PDF or the machine-readable JSON, and, for an admin, their erasure after a summary of what goes,
 * a reason and a confirmation. Nothing of the resident is kept on this PC but the file the office
 * worker chose to save.
 */
public final class PrivacyViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PrivacyViewModel.class);

    /** Residents shown at most per search: each one listed is logged as viewed, so a search stays narrow. */
    static final int PAGE = 50;
    /** The longest reference an erasure may carry (the server's limit: a case number, not a story). */
    public static final int MAX_REFERENCE = 64;
    /** What a reference may hold, as the server takes it: a case number on one line. */
    private static final java.util.regex.Pattern REFERENCE = java.util.regex.Pattern.compile("[\\p{L}\\p{N} ./_#:-]+");
    /** The reasons an admin may give; the retention reason is the server's own job's. */
    public static final List<ErasureReason> REASONS = List.of(ErasureReason.REQUEST, ErasureReason.WRONGLY_REGISTERED);
    /** The order an erasure summary lists the kinds in, as the dossier reads. */
    private static final List<String> KIND_ORDER = List.of(RecordKind.RESIDENT.wireName(), RecordKind.CONVERSATION.wireName(),
            RecordKind.CONTACT_ATTEMPT.wireName(), RecordKind.APPOINTMENT.wireName(), RecordKind.AGREEMENT.wireName(),
            RecordKind.REFERRAL.wireName(), RecordKind.DEVELOPMENT_PLAN.wireName(), RecordKind.CONFLICT.wireName());

    /** The roles the bundle names ({@code office.role.*}). */
    private static final java.util.Set<String> ROLES = java.util.Set.of("coach", "office", "admin");

    /** The two forms of the right of access. */
    public enum Format {
        PDF("pdf", "office.privacy.pdfFiles"),
        JSON("json", "office.privacy.jsonFiles");

        private final String extension;
        private final String filterKey;

        Format(String extension, String filterKey) {
            this.extension = extension;
            this.filterKey = filterKey;
        }

        public String extension() {
            return extension;
        }

        public String filterKey() {
            return filterKey;
        }
    }

    private final OfficeSession session;
    private final Messages messages;
    private final ObservableList<ResidentSummary> residents = FXCollections.observableArrayList();
    private final ObjectProperty<ResidentSummary> chosen = new SimpleObjectProperty<>();
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final BooleanProperty erased = new SimpleBooleanProperty(false);
    private final StringProperty erasedNotice = new SimpleStringProperty("");
    private final BooleanProperty trailShown = new SimpleBooleanProperty(false);
    private final StringProperty query = new SimpleStringProperty("");
    private final StringProperty found = new SimpleStringProperty("");
    private final StringProperty heading = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanBinding canSave;
    private final BooleanBinding canErase;

    public PrivacyViewModel(OfficeSession session) {
        this.session = session;
        this.messages = session.messages();
        heading.set(messages.text("office.privacy.chooseFirst"));
        canSave = Bindings.createBooleanBinding(() -> chosen.get() != null && trailShown.get() && !erased.get(),
                chosen, trailShown, erased);
        canErase = Bindings.createBooleanBinding(() -> session.admin() && canSave.get(), canSave);
    }

    /**
     * Searches again and shows the chosen resident's trail afresh (F5). An empty search is not
     * sent: it would list, and log as viewed, residents nobody asked about.
     */
    public void refresh() {
        if (!query.get().isBlank()) {
            search();
        }
        ResidentSummary shown = chosen.get();
        if (shown != null) {
            loadTrail(shown);
        }
    }

    /** Residents by client number or name (the office's resident search). */
    public void search() {
        if (query.get().isBlank()) {
            found.set(messages.text("office.privacy.noResidents"));
            return;
        }
        found.set(messages.text("office.privacy.searching"));
        String asked = query.get();
        session.request(client -> client.residents(asked, null, null, 0, PAGE), page -> {
            residents.setAll(page.residents());
            found.set(page.total() > page.residents().size()
                    ? messages.text("office.privacy.foundFirst", messages.number(page.residents().size()), messages.number(page.total()))
                    : messages.text("office.privacy.found", page.total()));
        }, failed -> found.set(failed));
    }

    /** Shows who saw or changed this resident (null: nobody chosen). */
    public void choose(ResidentSummary resident) {
        if (Objects.equals(resident, chosen.get())) {
            return;
        }
        chosen.set(resident);
        message.set("");
        entries.clear();
        erased.set(false);
        trailShown.set(false);
        if (resident == null) {
            heading.set(messages.text("office.privacy.chooseFirst"));
            return;
        }
        loadTrail(resident);
    }

    private void loadTrail(ResidentSummary resident) {
        heading.set(messages.text("office.privacy.loading"));
        session.request(client -> client.audit(resident.id()), trail -> {
            if (isChosen(resident)) {
                show(resident, trail);
            }
        }, failed -> {
            if (isChosen(resident)) {
                heading.set(trailOf(resident));
                message.set(failed);
            }
        });
    }

    private void show(ResidentSummary resident, AuditTrail trail) {
        // Newest first: the office usually asks about the latest; the column's tooltip says so.
        List<AuditEntry> newestFirst = new ArrayList<>(trail.entries());
        newestFirst.sort(Comparator.comparing(AuditEntry::at, Comparator.nullsLast(Comparator.naturalOrder())).reversed());
        entries.setAll(newestFirst);
        erased.set(trail.erased());
        // When and by whom, from the trail's own entry (none for an erasure older than the log's kept period).
        erasedNotice.set(!trail.erased() ? "" : newestFirst.stream().filter(e -> e.action() == AuditAction.ERASED).findFirst()
                .map(e -> messages.text("office.privacy.erasedOn", when(e.at()), who(e)))
                .orElse(messages.text("office.privacy.erasedNotice")));
        trailShown.set(true);
        heading.set(trailOf(resident));
    }

    private String trailOf(ResidentSummary resident) {
        return messages.text("office.privacy.trailOf", resident.name(), resident.clientNumber());
    }

    private boolean isChosen(ResidentSummary resident) {
        return chosen.get() != null && chosen.get().id().equals(resident.id());
    }

    /** A moment in Dutch, where the municipality is: "22-11-2026 09:05". */
    public String when(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZonedDateTime at = instant.atZone(session.zone());
        return messages.date(at.toLocalDate()) + " " + String.format("%02d:%02d", at.getHour(), at.getMinute());
    }

    /** Who did it: the user (with their role), or the server's own retention job. */
    public String who(AuditEntry entry) {
        if (entry.userName() == null) {
            return messages.text("office.privacy.retentionJob");
        }
        return entry.role() == null || !ROLES.contains(entry.role()) ? entry.userName()
                : messages.text("office.privacy.userWithRole", entry.userName(), messages.text("office.role." + entry.role()));
    }

    public String device(AuditEntry entry) {
        return entry.deviceName() != null ? entry.deviceName()
                : entry.deviceId() != null ? entry.deviceId().toString() : messages.text("office.privacy.noDevice");
    }

    /** What was done, in the words of the resident's own printout. */
    public String what(AuditEntry entry) {
        return entry.action() == null ? "" : messages.text("access.action." + entry.action().name().toLowerCase(Locale.ROOT));
    }

    /** A file name for the right of access that names nobody (the date only, as the coach's). */
    public String suggestedName(Format format) {
        return messages.text("access.fileName", LocalDate.now(session.clock().withZone(session.zone())).toString()) + "."
                + format.extension();
    }

    /** Fetches everything the server holds about the chosen resident and saves it to {@code file} (null: cancelled). */
    public void saveAccess(Format format, Path file) {
        ResidentSummary resident = chosen.get();
        if (resident == null || file == null) {
            return;
        }
        message.set(messages.text("office.privacy.fetching"));
        session.request(client -> client.access(resident.id()), export -> save(file, out -> write(format, export, out), () -> {
            // The export is in the trail now: show it.
            if (isChosen(resident)) {
                loadTrail(resident);
            }
        }), message::set);
    }

    private void write(Format format, AccessExport export, OutputStream out) throws IOException {
        switch (format) {
            // The resident's own letter: in Dutch whatever language the office screens are in.
            case PDF -> AccessPrintout.write(export, Messages.DUTCH, ReferenceData.standard(), session.zone(), out);
            case JSON -> out.write(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(export));
        }
    }

    @FunctionalInterface
    private interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /** Writes the file next to its final name and moves it there: a full disk leaves no half inzage. */
    private void save(Path file, Writing writing, Runnable then) {
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        session.tasks().run(() -> {
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    writing.to(out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
                return file;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(partial);
                throw e;
            }
        }, saved -> {
            message.set(messages.text("office.privacy.saved", saved.toAbsolutePath()));
            then.run();
        }, e -> {
            LOG.warn("An access export could not be saved ({})", e.getClass().getSimpleName());
            message.set(messages.text("office.privacy.saveFailed", file.toAbsolutePath()));
        });
    }

    /** Fetches what erasing the chosen resident would remove; {@code shown} gets it to put before the admin. */
    public void erasureSummary(Consumer<ErasureSummary> shown) {
        ResidentSummary resident = chosen.get();
        if (resident == null || !session.admin()) {
            return;
        }
        message.set("");
        session.request(client -> client.erasureSummary(resident.id()), shown, message::set);
    }

    /** The summary's lines: the records by kind, in Dutch words, and which laptops purge the resident. */
    public List<String> summaryLines(ErasureSummary summary) {
        List<String> lines = new ArrayList<>();
        List<Map.Entry<String, Integer>> kinds = new ArrayList<>(summary.records().entrySet());
        kinds.sort(Comparator.comparingInt((Map.Entry<String, Integer> e) -> {
            int at = KIND_ORDER.indexOf(e.getKey());
            return at < 0 ? KIND_ORDER.size() : at;
        }).thenComparing(Map.Entry::getKey));
        for (Map.Entry<String, Integer> kind : kinds) {
            if (kind.getValue() == null || kind.getValue() == 0) {
                continue;
            }
            String key = "office.privacy.kind." + kind.getKey();
            lines.add(KIND_ORDER.contains(kind.getKey())
                    ? messages.text(key, messages.number(kind.getValue()))
                    : messages.text("office.privacy.kind.other", messages.number(kind.getValue()), kind.getKey()));
        }
        if (lines.isEmpty()) {
            lines.add(messages.text("office.privacy.summaryNothing"));
        }
        lines.add(summary.laptops().isEmpty() ? messages.text("office.privacy.summaryNoLaptops")
                : messages.text("office.privacy.summaryLaptops", String.join(", ", summary.laptops())));
        return lines;
    }

    /** How many records the summary says will go (the resident's own details not counted). */
    static int records(ErasureSummary summary) {
        return summary.records().entrySet().stream().filter(e -> !RecordKind.RESIDENT.wireName().equals(e.getKey()))
                .mapToInt(e -> e.getValue() == null ? 0 : e.getValue()).sum();
    }

    public String reasonLabel(ErasureReason reason) {
        return messages.text("office.privacy.reason." + reason.name().toLowerCase(Locale.ROOT));
    }

    /** Why the erasure cannot be asked for as filled in (no reason, too long a reference), or null. */
    public String problem(ErasureReason reason, String reference) {
        if (reason == null || !REASONS.contains(reason)) {
            return messages.text("office.privacy.needReason");
        }
        String kept = reference == null ? "" : reference.strip();
        if (kept.length() > MAX_REFERENCE) {
            return messages.text("office.privacy.referenceTooLong", MAX_REFERENCE);
        }
        if (!kept.isEmpty() && !REFERENCE.matcher(kept).matches()) {
            return messages.text("office.privacy.referenceCharacters");
        }
        return null;
    }

    /** The confirmation's question: who, how much, and that it cannot be undone. */
    public String question(ErasureSummary summary) {
        return messages.text("office.privacy.question", summary.resident().name(), summary.resident().clientNumber(),
                messages.number(records(summary)));
    }

    /** Erases the resident of the summary (the admin confirmed); the result in one sentence. */
    public void erase(ErasureSummary summary, ErasureReason reason, String reference) {
        if (problem(reason, reference) != null || !session.admin()) {
            return;
        }
        ResidentSummary resident = summary.resident();
        String kept = reference == null || reference.isBlank() ? null : reference.strip();
        message.set(messages.text("office.privacy.erasing"));
        session.request(client -> client.erase(resident.id(), new ErasureRequest(reason, kept)), result -> {
            message.set(messages.text("office.privacy.erasedDone", resident.name(), messages.number(result.records())));
            if (isChosen(resident)) {
                loadTrail(chosen.get());
            }
        }, message::set);
    }

    public boolean admin() {
        return session.admin();
    }

    public ObservableList<ResidentSummary> residents() {
        return residents;
    }

    public ObjectProperty<ResidentSummary> chosenProperty() {
        return chosen;
    }

    /** The chosen resident's audit trail, newest first. */
    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    /** Whether the chosen resident is erased (only the tombstone and the trail are left). */
    public BooleanProperty erasedProperty() {
        return erased;
    }

    /** What the screen says of an erased resident: when and by whom, and what is left. */
    public StringProperty erasedNoticeProperty() {
        return erasedNotice;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty foundProperty() {
        return found;
    }

    public StringProperty headingProperty() {
        return heading;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public BooleanBinding canEraseProperty() {
        return canErase;
    }

    public Messages messages() {
        return messages;
    }
}
