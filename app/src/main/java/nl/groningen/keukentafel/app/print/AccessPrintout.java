package nl.groningen.keukentafel.app.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.LifeDomainNote;
import nl.groningen.keukentafel.contract.PlanGoal;
import nl.groningen.keukentafel.contract.PlanStep;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.office.AuditEntry;

/**
 * The resident's right-of-access overview (inzage, AVG art. 15) on A4, in plain Dutch that the
 * resident reads without help: everything recorded about them, section by section, and (when the
 * office made it from the server) who saw or changed their data. Takes only an {@link AccessExport},
 * so the laptop's dossier and the office's export print the same. Every word from the bundle.
 */
public final class AccessPrintout {

    private static final Color ACCENT = new Color(0x1d, 0x4e, 0x6b);
    private static final Color HEADER = new Color(0xec, 0xef, 0xf1);

    /** The app's bundle (by name: the print package does not depend on the screens). */
    private static final String BUNDLE = "nl.groningen.keukentafel.app.ui.messages";
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final ResourceBundle bundle;
    private final Locale locale;
    private final ReferenceData reference;
    private final ZoneId zone;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20, ACCENT);
    private final Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14, ACCENT);
    private final Font subheading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12, ACCENT);
    private final Font body = FontFactory.getFont(FontFactory.HELVETICA, 11);
    private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private final Font small = FontFactory.getFont(FontFactory.HELVETICA, 10, Color.DARK_GRAY);

    private AccessPrintout(Locale requested, ReferenceData reference, ZoneId zone) {
        // As the screens: English when asked for, else plain Dutch; never the machine's locale.
        this.locale = "en".equals(requested.getLanguage()) ? Locale.UK : DUTCH;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.reference = reference;
        this.zone = zone;
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        this.times = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", locale);
    }

    /**
     * Writes the overview as a PDF in the resident's language ({@code locale}: Dutch unless English).
     * {@code reference} names the codes (life domains, partners), {@code zone} is where times are
     * shown (Europe/Amsterdam).
     */
    public static void write(AccessExport export, Locale locale, ReferenceData reference, ZoneId zone, OutputStream out)
            throws IOException {
        new AccessPrintout(locale, reference, zone).write(export, out);
    }

    private void write(AccessExport export, OutputStream out) throws IOException {
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(text("access.title"));
            document.open();
            Resident r = export.resident();
            document.add(new Paragraph(text("access.title"), title));
            document.add(new Paragraph(r.fullName(), bold));

            heading(document, "access.what");
            document.add(new Paragraph(text("access.intro"), body));
            document.add(new Paragraph(text("access.madeOn", time(export.madeAt())), body));
            boolean server = AccessExport.SERVER.equals(export.source());
            document.add(new Paragraph(text(server ? "access.fromServer" : "access.fromLaptop"), body));

            heading(document, "access.details");
            document.add(details(r));

            heading(document, "access.conversations");
            if (export.conversations().isEmpty()) {
                nothing(document);
            }
            for (Conversation c : sorted(export.conversations(), Comparator.comparing(Conversation::date))) {
                conversation(document, c);
            }

            heading(document, "access.agreements");
            if (export.agreements().isEmpty()) {
                nothing(document);
            } else {
                PdfPTable table = table(new float[] {5, 2, 2, 2.2f}, "access.col.what", "access.col.who", "access.col.due",
                        "access.col.status");
                for (Agreement a : sorted(export.agreements(), Comparator.comparing(Agreement::dueDate,
                        Comparator.nullsLast(Comparator.naturalOrder())))) {
                    table.addCell(cell(new Phrase(a.description(), body)));
                    table.addCell(cell(new Phrase(a.partner() == null ? label("owner", a.owner())
                            : label(reference.partners(), a.partner()), body)));
                    table.addCell(cell(new Phrase(date(a.dueDate()), body)));
                    String status = label("agreement", a.status());
                    if (a.doneDate() != null) {
                        status = text("access.statusOn", status, date(a.doneDate()));
                    }
                    table.addCell(cell(new Phrase(status, body)));
                }
                document.add(table);
            }

            heading(document, "access.referrals");
            if (export.referrals().isEmpty()) {
                nothing(document);
            } else {
                PdfPTable table = table(new float[] {3.5f, 2, 2, 2, 2}, "access.col.partner", "access.col.referredOn",
                        "access.col.warm", "access.col.status", "access.col.checkOn");
                for (Referral x : sorted(export.referrals(), Comparator.comparing(Referral::referredOn,
                        Comparator.nullsLast(Comparator.naturalOrder())))) {
                    table.addCell(cell(new Phrase(label(reference.partners(), x.partner()), body)));
                    table.addCell(cell(new Phrase(date(x.referredOn()), body)));
                    table.addCell(cell(new Phrase(text(x.warmHandover() ? "access.yes" : "access.no"), body)));
                    table.addCell(cell(new Phrase(label("referral", x.status()), body)));
                    table.addCell(cell(new Phrase(date(x.checkOn()), body)));
                }
                document.add(table);
            }

            heading(document, "access.plan");
            if (export.developmentPlans().stream().allMatch(p -> p.goals().isEmpty())) {
                nothing(document);
            }
            for (DevelopmentPlan plan : export.developmentPlans()) {
                if (plan.goals().isEmpty()) {
                    continue;
                }
                if (plan.updatedOn() != null) {
                    document.add(new Paragraph(text("access.planUpdated", date(plan.updatedOn())), small));
                }
                for (PlanGoal goal : plan.goals()) {
                    Paragraph line = new Paragraph();
                    line.add(new Chunk(label(reference.lifeDomains(), goal.domain()) + ": ", bold));
                    line.add(new Chunk(goal.goal(), body));
                    line.setSpacingBefore(6);
                    document.add(line);
                    for (PlanStep step : goal.steps()) {
                        Paragraph stepLine = new Paragraph(text(step.done() ? "access.stepDone" : "access.stepOpen",
                                step.description()), body);
                        stepLine.setIndentationLeft(18);
                        document.add(stepLine);
                    }
                }
            }

            heading(document, "access.attempts");
            if (export.contactAttempts().isEmpty()) {
                nothing(document);
            } else {
                PdfPTable table = table(new float[] {2, 3, 3}, "access.col.date", "access.col.how", "access.col.result");
                for (ContactAttempt a : sorted(export.contactAttempts(), Comparator.comparing(ContactAttempt::date))) {
                    table.addCell(cell(new Phrase(date(a.date()), body)));
                    table.addCell(cell(new Phrase(label("channel", a.channel()), body)));
                    table.addCell(cell(new Phrase(label("result", a.result()), body)));
                }
                document.add(table);
            }

            heading(document, "access.appointments");
            if (export.appointments().isEmpty()) {
                nothing(document);
            } else {
                PdfPTable table = table(new float[] {3, 2, 3}, "access.col.when", "access.col.duration", "access.col.where");
                for (Appointment a : sorted(export.appointments(), Comparator.comparing(Appointment::startsAt))) {
                    table.addCell(cell(new Phrase(time(a.startsAt()), body)));
                    table.addCell(cell(new Phrase(text("access.minutes", a.durationMinutes()), body)));
                    table.addCell(cell(new Phrase(label("place", a.place()), body)));
                }
                document.add(table);
            }

            if (!export.conflicts().isEmpty()) {
                heading(document, "access.conflicts");
                document.add(new Paragraph(text("access.conflictsIntro"), body));
                for (Conflict c : export.conflicts()) {
                    Paragraph line = new Paragraph(text("access.conflictLine", time(c.detectedAt()), c.field(),
                            value(c.serverValue()), value(c.laptopValue())), body);
                    line.setIndentationLeft(18);
                    document.add(line);
                }
            }

            if (server) {
                heading(document, "access.audit");
                if (export.audit().isEmpty()) {
                    nothing(document);
                } else {
                    PdfPTable table = table(new float[] {2.3f, 3.6f, 3.1f}, "access.col.when", "access.col.whoSaw",
                            "access.col.whatDone");
                    for (AuditEntry e : sorted(export.audit(), Comparator.comparing(AuditEntry::at))) {
                        table.addCell(cell(new Phrase(time(e.at()), body)));
                        table.addCell(cell(new Phrase(who(e), body)));
                        table.addCell(cell(new Phrase(label("access.action", e.action()), body)));
                    }
                    document.add(table);
                }
            }

            Paragraph footer = new Paragraph(text("access.footer"), small);
            footer.setSpacingBefore(24);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IOException("The access overview could not be made", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private PdfPTable details(Resident r) {
        PdfPTable table = new PdfPTable(new float[] {2.2f, 5});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        row(table, "access.name", r.fullName());
        row(table, "access.address", r.address());
        row(table, "access.postcode", r.postcode());
        row(table, "access.wijk", r.wijk());
        row(table, "access.born", date(r.dateOfBirth()));
        row(table, "access.phone", r.phone());
        row(table, "access.clientNumber", r.clientNumber());
        row(table, "access.contactTerm", text("access.contactTermValue", r.contactTermMonths(), initiative(r.initiative())));
        row(table, "access.nextContact", r.nextContactDue() == null ? text("access.none") : date(r.nextContactDue()));
        row(table, "access.outreach", label("outreach", r.outreachStatus()));
        row(table, "access.knownAtWij", text(r.knownAtWij() ? "access.yes" : "access.no"));
        row(table, "access.specialistTeam", text(r.specialistTeam() ? "access.yes" : "access.no"));
        return table;
    }

    private void row(PdfPTable table, String labelKey, String value) {
        PdfPCell label = cell(new Phrase(text(labelKey), bold));
        label.setBackgroundColor(HEADER);
        table.addCell(label);
        table.addCell(cell(new Phrase(value == null || value.isBlank() ? text("access.none") : value, body)));
    }

    private void conversation(Document document, Conversation c) throws DocumentException {
        Paragraph head = new Paragraph(text("access.conversationHeader", date(c.date()), label("place", c.place()),
                c.durationMinutes(), text(c.followUp() ? "record.followUp" : "record.first")), subheading);
        head.setSpacingBefore(10);
        document.add(head);
        if (c.status() == ConversationStatus.DRAFT) {
            document.add(indented(new Paragraph(text("access.draft"), small)));
        }
        if (c.corrects() != null) {
            document.add(indented(new Paragraph(text("access.correction"), small)));
        }
        field(document, "access.domains", c.lifeDomains().isEmpty() ? text("access.none") : null);
        for (LifeDomainNote d : c.lifeDomains()) {
            Paragraph line = new Paragraph();
            line.add(new Chunk(label(reference.lifeDomains(), d.domain()), bold));
            if (d.note() != null && !d.note().isBlank()) {
                line.add(new Chunk(": " + d.note(), body));
            }
            line.setIndentationLeft(36);
            document.add(line);
        }
        field(document, "access.activities", c.activities());
        field(document, "access.wishes", c.wishes());
        field(document, "access.ownGoals", c.ownGoals());
        field(document, "access.outcome", label(reference.outcomeCategories(), c.outcome()));
        field(document, "access.provisions", list(c.provisionsInformed(), reference.provisions()));
        field(document, "access.signals", list(c.signals(), reference.signals()));
        field(document, "access.ratings", text("access.ratingsValue", rating(c.conversationRating()),
                rating(c.contactValueRating())));
        field(document, "access.next", text("access.contactTermValue", c.nextContactTermMonths(), initiative(c.initiative())));
    }

    /** The codes' labels in a line; "geen" when there are none. */
    private String list(List<String> codes, List<ReferenceItem> items) {
        return codes.isEmpty() ? text("access.noneListed")
                : String.join(", ", codes.stream().map(code -> label(items, code)).toList());
    }

    /** A labelled field of a conversation; a null value prints the label alone (its lines follow). */
    private void field(Document document, String labelKey, String value) throws DocumentException {
        Paragraph line = new Paragraph();
        line.add(new Chunk(text(labelKey) + (value == null ? "" : ": "), bold));
        if (value != null) {
            line.add(new Chunk(value.isBlank() ? text("access.none") : value, body));
        }
        line.setSpacingBefore(2);
        document.add(indented(line));
    }

    private static Paragraph indented(Paragraph paragraph) {
        paragraph.setIndentationLeft(18);
        return paragraph;
    }

    private String who(AuditEntry e) {
        if (e.userName() == null && e.deviceName() == null) {
            return text("access.who.system");
        }
        String who = e.userName() == null ? "" : e.userName();
        if (e.role() != null && !e.role().isBlank()) {
            who = text("access.who.role", who, roleLabel(e.role()));
        }
        if (e.deviceName() != null && !e.deviceName().isBlank()) {
            who = who.isBlank() ? e.deviceName() : text("access.who.device", who, e.deviceName());
        }
        return who;
    }

    private String roleLabel(String role) {
        String key = "access.role." + role.toLowerCase(Locale.ROOT);
        try {
            return text(key);
        } catch (java.util.MissingResourceException e) {
            return role;
        }
    }

    private String rating(Integer value) {
        return value == null ? text("access.notGiven") : String.valueOf(value);
    }

    private String initiative(Initiative initiative) {
        return initiative == null ? "" : text(initiative == Initiative.RESIDENT ? "initiative.resident" : "initiative.coach");
    }

    private static String value(com.fasterxml.jackson.databind.JsonNode node) {
        return node == null || node.isNull() ? "\u2013" : node.isTextual() ? node.asText() : node.toString();
    }

    private String label(List<ReferenceItem> items, String code) {
        if (code == null) {
            return "";
        }
        return items.stream().filter(i -> i.code().equals(code)).findFirst()
                .map(i -> "en".equals(locale.getLanguage()) ? i.labelEn() : i.labelNl()).orElse(code);
    }

    /** An enum's label, as the screens name it ({@code prefix.value}). */
    private String label(String prefix, Enum<?> value) {
        return value == null ? "" : text(prefix + "." + value.name().toLowerCase(Locale.ROOT));
    }

    private void heading(Document document, String key) throws DocumentException {
        Paragraph paragraph = new Paragraph(text(key), heading);
        paragraph.setSpacingBefore(16);
        paragraph.setSpacingAfter(2);
        document.add(paragraph);
    }

    private void nothing(Document document) throws DocumentException {
        document.add(new Paragraph(text("access.nothing"), body));
    }

    private PdfPTable table(float[] widths, String... columnKeys) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setHeaderRows(1);
        for (String key : columnKeys) {
            PdfPCell header = cell(new Phrase(text(key), bold));
            header.setBackgroundColor(HEADER);
            table.addCell(header);
        }
        return table;
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(5);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(order);
        return copy;
    }

    private String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    private String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    private String time(Instant instant) {
        return instant == null ? "" : times.format(instant.atZone(zone));
    }
}
