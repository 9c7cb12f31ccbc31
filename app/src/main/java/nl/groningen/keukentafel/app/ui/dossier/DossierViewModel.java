package nl.groningen.keukentafel.app.ui.dossier;

import java.util.Locale;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.domain.Agreements;
import nl.groningen.keukentafel.app.domain.Appointments;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.DevelopmentPlans;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.Referrals;
import nl.groningen.keukentafel.app.domain.ResidentContact;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.domain.TimelineEntry;
import nl.groningen.keukentafel.app.domain.LaptopAccessExport;
import nl.groningen.keukentafel.app.print.AccessPrintout;
import nl.groningen.keukentafel.app.print.PlanPrinter;
import nl.groningen.keukentafel.app.print.PlanPrintout;
import nl.groningen.keukentafel.app.print.PrintContent;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.EnumLabels;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.attempt.ContactAttempts;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.office.AccessExport;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.PlanGoal;
import nl.groningen.keukentafel.contract.PlanStep;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import nl.groningen.keukentafel.contract.Resident;

/** The dossier of one resident: details, one timeline of everything recorded, the development plan. */
public final class DossierViewModel {

    private final CoachSession session;
    private final UUID residentId;
    private final Navigator navigator;
    private final Messages messages;
    private final ObservableList<String> details = FXCollections.observableArrayList();
    private final ObservableList<TimelineLine> timeline = FXCollections.observableArrayList();
    private final ObservableList<String> plan = FXCollections.observableArrayList();
    /** The id of the step on each line of {@link #plan}; null on a goal's line. */
    private final List<UUID> planLineSteps = new ArrayList<>();
    /** The id of the goal each line of {@link #plan} belongs to (its own line and its steps' lines). */
    private final List<UUID> planLineGoals = new ArrayList<>();
    private final ObservableList<Agreement> openAgreements = FXCollections.observableArrayList();
    private final ObservableList<Referral> openReferrals = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private String nextContactLine;
    private Due nextContactDue = Due.LATER;
    private final Supplier<List<Conflict>> conflicts;

    public DossierViewModel(CoachSession session, UUID residentId, Navigator navigator) {
        this(session, residentId, navigator, List::of);
    }

    /** {@code conflicts} gives the fields in conflict this laptop holds (for the resident's access overview). */
    public DossierViewModel(CoachSession session, UUID residentId, Navigator navigator, Supplier<List<Conflict>> conflicts) {
        this.session = session;
        this.residentId = residentId;
        this.navigator = navigator;
        this.conflicts = conflicts;
        this.messages = session.messages();
        refresh();
    }

    /** Shows {@code notice} in the dossier's message line (empty: nothing). */
    public void tell(String notice) {
        message.set(notice);
    }

    public void refresh() {
        Resident r = resident();
        ResidentRecords records = session.caseload().recordsOf(residentId);
        title.set(r.fullName());
        List<String> lines = new ArrayList<>();
        lines.add(messages.text("dossier.clientNumber", r.clientNumber()));
        lines.add(messages.text("dossier.address", r.address(), r.postcode(), r.wijk()));
        if (r.dateOfBirth() != null) {
            lines.add(messages.text("dossier.born", messages.date(r.dateOfBirth()),
                    Period.between(r.dateOfBirth(), session.today()).getYears()));
        }
        if (r.phone() != null && !r.phone().isBlank()) {
            lines.add(messages.text("dossier.phone", r.phone()));
        }
        lines.add(messages.text("dossier.outreach", EnumLabels.of(messages, "outreach", r.outreachStatus())));
        nextContactLine = messages.text("dossier.contact", r.contactTermMonths(),
                messages.text(r.initiative() == Initiative.RESIDENT ? "initiative.resident" : "initiative.coach"),
                r.nextContactDue() == null ? messages.text("dossier.noNextContact") : messages.date(r.nextContactDue()));
        nextContactDue = Due.of(r.nextContactDue(), session.today());
        lines.add(nextContactLine);
        if (r.knownAtWij()) {
            lines.add(messages.text("dossier.knownAtWij"));
        }
        if (r.specialistTeam()) {
            lines.add(messages.text("dossier.specialistTeam"));
        }
        details.setAll(lines);
        timeline.setAll(TimelineEntry.of(records, session.zone()).stream().map(this::line).toList());
        plan.setAll(planLines(records.plan()));
        openAgreements.setAll(Agreements.open(records.agreements()));
        openReferrals.setAll(records.referrals().stream().filter(Referrals::isOpen).toList());
    }

    public boolean hasDraft() {
        return session.caseload().recordsOf(residentId).draft().isPresent();
    }

    public void newConversation() {
        navigator.showConversation(residentId);
    }

    public void back() {
        navigator.showCaseload();
    }

    public void logAttempt(ContactChannel channel, ContactResult result) {
        ContactAttempts.log(session, residentId, channel, result, this::refresh, message::set);
    }

    public void markAgreementDone(Agreement a) {
        Agreement done = Agreements.done(a, session.today());
        session.save(store -> store.saveAgreement(done),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withAgreement(done)),
                () -> {
                    message.set(messages.text("dossier.agreementDone", a.description()));
                    refresh();
                }, message::set);
    }

    public void markReferral(Referral x, ReferralStatus status) {
        Referral changed = Referrals.withStatus(x, status, session.today());
        session.save(store -> store.saveReferral(changed),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withReferral(changed)),
                () -> {
                    message.set(messages.text("dossier.referralUpdated"));
                    refresh();
                }, message::set);
    }

    /** The whole record of a finalised conversation, as text to read (it cannot be changed). */
    public String conversationText(UUID conversationId) {
        Conversation c = session.caseload().recordsOf(residentId).conversations().stream()
                .filter(x -> x.id().equals(conversationId)).findFirst().orElseThrow();
        ReferenceData ref = session.reference();
        StringBuilder text = new StringBuilder();
        text.append(messages.text("record.header", messages.date(c.date()), EnumLabels.of(messages, "place", c.place()),
                c.durationMinutes(), messages.text(c.followUp() ? "record.followUp" : "record.first"))).append('\n');
        if (c.corrects() != null) {
            text.append(messages.text("record.corrects")).append('\n');
        }
        text.append('\n').append(messages.text("conversation.sectionDomains")).append('\n');
        c.lifeDomains().forEach(d -> text.append("  ").append(session.label(ref.lifeDomains(), d.domain()))
                .append(d.note().isBlank() ? "" : ": " + d.note()).append('\n'));
        text.append('\n').append(messages.text("conversation.activities")).append("\n  ").append(c.activities()).append('\n');
        text.append(messages.text("conversation.wishes")).append("\n  ").append(c.wishes()).append('\n');
        text.append(messages.text("conversation.ownGoals")).append("\n  ").append(c.ownGoals()).append('\n');
        text.append('\n').append(messages.text("conversation.sectionOutcome")).append(": ")
                .append(session.label(ref.outcomeCategories(), c.outcome())).append('\n');
        text.append(messages.text("conversation.provisions")).append(": ").append(String.join(", ",
                c.provisionsInformed().stream().map(code -> session.label(ref.provisions(), code)).toList())).append('\n');
        text.append(messages.text("conversation.signals")).append(": ").append(String.join(", ",
                c.signals().stream().map(code -> session.label(ref.signals(), code)).toList())).append('\n');
        text.append(messages.text("record.ratings", rating(c.conversationRating()), rating(c.contactValueRating()))).append('\n');
        text.append(messages.text("record.next", c.nextContactTermMonths(),
                messages.text(c.initiative() == Initiative.RESIDENT ? "initiative.resident" : "initiative.coach"))).append('\n');
        ResidentRecords records = session.caseload().recordsOf(residentId);
        List<Agreement> made = records.agreements().stream().filter(a -> c.id().equals(a.conversationId())).toList();
        text.append('\n').append(messages.text("record.agreements")).append('\n');
        if (made.isEmpty()) {
            text.append("  ").append(messages.text("record.none")).append('\n');
        }
        made.forEach(a -> text.append("  ").append(messages.text("record.agreementLine", a.description(), owner(a),
                messages.date(a.dueDate()), EnumLabels.of(messages, "agreement", a.status()))).append('\n'));
        List<Referral> referred = records.referrals().stream().filter(x -> c.id().equals(x.conversationId())).toList();
        text.append(messages.text("record.referrals")).append('\n');
        if (referred.isEmpty()) {
            text.append("  ").append(messages.text("record.none")).append('\n');
        }
        referred.forEach(x -> text.append("  ").append(messages.text("record.referralLine",
                session.label(ref.partners(), x.partner()), EnumLabels.of(messages, "referral", x.status()),
                messages.date(x.checkOn()))
                + (x.warmHandover() ? " · " + messages.text("timeline.warm") : "")).append('\n'));
        return text.toString();
    }

    /** Starts a correction: a new draft with the finalised conversation's content, linked to it. */
    public void correct(UUID conversationId) {
        ResidentRecords records = session.caseload().recordsOf(residentId);
        if (records.draft().isPresent()) {
            message.set(messages.text("dossier.finishDraftFirst"));
            return;
        }
        Conversation finalised = records.conversations().stream().filter(x -> x.id().equals(conversationId))
                .findFirst().orElseThrow();
        ConversationDraft draft = new ConversationDraft(Conversations.correction(finalised, UUID.randomUUID(), session.today()),
                List.of(), List.of());
        session.save(store -> store.saveDraft(draft),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withDraft(draft)),
                () -> navigator.showConversation(residentId), message::set);
    }

    private String rating(Integer value) {
        return value == null ? messages.text("conversation.noRating") : messages.number(value);
    }

    /** Plans a visit (or call) with the resident; it shows on Vandaag on the day. */
    public boolean planVisit(LocalDate day, LocalTime time, Place place) {
        Optional<Appointments.Problem> problem = Appointments.problem(day, time, place, session.today());
        if (problem.isPresent()) {
            message.set(messages.text(switch (problem.get()) {
                case INCOMPLETE -> "dossier.visitIncomplete";
                case IN_THE_PAST -> "dossier.visitInPast";
            }));
            return false;
        }
        Appointment visit = Appointments.visit(UUID.randomUUID(), residentId, day, time, session.zone(), place);
        session.save(store -> store.saveAppointment(visit),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withAppointment(visit)),
                () -> {
                    message.set(messages.text("dossier.visitPlanned", messages.date(day), time.toString()));
                    refresh();
                }, message::set);
        return true;
    }

    /** Adds a goal (in a life domain, with a first step) to the resident's development plan. */
    public boolean addGoal(ReferenceItem domain, String goal, String firstStep) {
        if (!DevelopmentPlans.canAdd(domain == null ? null : domain.code(), goal)) {
            message.set(messages.text("dossier.goalIncomplete"));
            return false;
        }
        DevelopmentPlan plan = DevelopmentPlans.withGoal(session.caseload().recordsOf(residentId).plan(), residentId,
                domain.code(), goal, firstStep, session.today());
        session.save(store -> store.savePlan(plan),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withPlan(plan)),
                () -> {
                    message.set(messages.text("dossier.goalAdded"));
                    refresh();
                }, message::set);
        return true;
    }

    /** Ticks off (or un-ticks) the step on line {@code planLine} of {@link #plan()}; a goal's own line does nothing. */
    public void toggleStep(int planLine) {
        if (planLine < 0 || planLine >= planLineSteps.size() || planLineSteps.get(planLine) == null) {
            return;
        }
        DevelopmentPlan current = session.caseload().recordsOf(residentId).plan();
        DevelopmentPlans.withStepToggled(current, planLineSteps.get(planLine), session.today()).ifPresent(plan ->
                session.save(store -> store.savePlan(plan),
                        () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withPlan(plan)),
                        this::refresh, message::set));
    }

    /** The goal on line {@code planLine} of {@link #plan()} (a goal's line or one of its steps'), if any. */
    public Optional<PlanGoal> goalOn(int planLine) {
        if (planLine < 0 || planLine >= planLineGoals.size()) {
            return Optional.empty();
        }
        return DevelopmentPlans.goal(session.caseload().recordsOf(residentId).plan(), planLineGoals.get(planLine));
    }

    /** Gives the goal on line {@code planLine} another life domain or text. */
    public boolean changeGoal(int planLine, ReferenceItem domain, String goal) {
        if (!DevelopmentPlans.canAdd(domain == null ? null : domain.code(), goal)) {
            message.set(messages.text("dossier.goalIncomplete"));
            return false;
        }
        return goalOn(planLine).flatMap(g -> DevelopmentPlans.withGoalChanged(currentPlan(), g.id(), domain.code(), goal,
                session.today())).map(changed -> savePlan(changed, "dossier.goalChanged")).orElse(false);
    }

    /** Adds a step to the goal on line {@code planLine}. */
    public boolean addStep(int planLine, String step) {
        if (step == null || step.isBlank()) {
            message.set(messages.text("dossier.stepIncomplete"));
            return false;
        }
        return goalOn(planLine).flatMap(g -> DevelopmentPlans.withStep(currentPlan(), g.id(), step, session.today()))
                .map(changed -> savePlan(changed, "dossier.stepAdded")).orElse(false);
    }

    /** Removes the goal on line {@code planLine}, with its steps. */
    public void removeGoal(int planLine) {
        goalOn(planLine).flatMap(g -> DevelopmentPlans.withoutGoal(currentPlan(), g.id(), session.today()))
                .ifPresent(changed -> savePlan(changed, "dossier.goalRemoved"));
    }

    private DevelopmentPlan currentPlan() {
        return session.caseload().recordsOf(residentId).plan();
    }

    private boolean savePlan(DevelopmentPlan changed, String doneKey) {
        session.save(store -> store.savePlan(changed),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withPlan(changed)),
                () -> {
                    refresh();
                    message.set(messages.text(doneKey));
                }, message::set);
        return true;
    }

    /** The agreement is due on {@code newDue} instead (a day already gone is refused). */
    public boolean postponeAgreement(Agreement a, LocalDate newDue) {
        Optional<Agreement> postponed = Agreements.postponed(a, newDue, session.today());
        if (postponed.isEmpty()) {
            message.set(messages.text("dossier.postponeInPast"));
            return false;
        }
        Agreement changed = postponed.get();
        session.save(store -> store.saveAgreement(changed),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withAgreement(changed)),
                () -> {
                    refresh();
                    message.set(messages.text("dossier.agreementPostponed", a.description(), messages.date(newDue)));
                }, message::set);
        return true;
    }

    /** A resident's address and phone as the form shows them ("" for no phone). */
    public record ContactDetails(String street, String houseNumber, String postcode, String phone) {
    }

    /** The resident's street, house number, postcode and phone as they stand, for the form that changes them. */
    public ContactDetails contactDetails() {
        Resident r = resident();
        return new ContactDetails(r.street(), r.houseNumber(), r.postcode(), r.phone() == null ? "" : r.phone());
    }

    /** Saves a new address or phone number; the office's changes to other fields are merged with it at the sync. */
    public boolean changeContact(String street, String houseNumber, String postcode, String phone) {
        Optional<ResidentContact.Problem> problem = ResidentContact.problem(street, houseNumber, postcode, phone);
        if (problem.isPresent()) {
            message.set(messages.text(switch (problem.get()) {
                case NO_ADDRESS -> "dossier.contactNoAddress";
                case POSTCODE -> "dossier.contactPostcodeWrong";
                case PHONE -> "dossier.contactPhoneWrong";
            }));
            return false;
        }
        Resident changed = ResidentContact.changed(resident(), street, houseNumber, postcode, phone);
        session.save(store -> store.saveResident(changed), () -> session.caseload().put(changed),
                () -> {
                    refresh();
                    message.set(messages.text("dossier.contactChanged"));
                }, message::set);
        return true;
    }

    /** The planned visit on the timeline's line with {@code recordId}, if it is one still ahead (today or later). */
    public Optional<Appointment> visitAhead(UUID recordId) {
        return session.caseload().recordsOf(residentId).appointments().stream()
                .filter(a -> a.id().equals(recordId))
                .filter(a -> Appointments.ahead(a, session.today(), session.zone())).findFirst();
    }

    /** The visit's day and time as the coach's clock reads them. */
    public java.time.LocalDateTime visitTime(Appointment visit) {
        return visit.startsAt().atZone(session.zone()).toLocalDateTime();
    }

    /** Moves a planned visit to another day, time or place. */
    public boolean moveVisit(Appointment visit, LocalDate day, LocalTime time, Place place) {
        Optional<Appointments.Problem> problem = Appointments.problem(day, time, place, session.today());
        if (problem.isPresent()) {
            message.set(messages.text(switch (problem.get()) {
                case INCOMPLETE -> "dossier.visitIncomplete";
                case IN_THE_PAST -> "dossier.visitInPast";
            }));
            return false;
        }
        Appointment moved = Appointments.moved(visit, day, time, session.zone(), place);
        session.save(store -> store.saveAppointment(moved),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withAppointment(moved)),
                () -> {
                    refresh();
                    message.set(messages.text("dossier.visitMoved", messages.date(day), time.toString()));
                }, message::set);
        return true;
    }

    /** Cancels a planned visit. */
    public void cancelVisit(Appointment visit) {
        session.save(store -> store.cancelAppointment(visit),
                () -> session.caseload().put(residentId, session.caseload().recordsOf(residentId).withoutAppointment(visit.id())),
                () -> {
                    refresh();
                    message.set(messages.text("dossier.visitCancelled", messages.date(visitTime(visit).toLocalDate())));
                }, message::set);
    }

    public List<ReferenceItem> lifeDomains() {
        return session.reference().lifeDomains();
    }

    public String label(List<ReferenceItem> items, String code) {
        return session.label(items, code);
    }

    /** Writes the printout (plan and open agreements, plain Dutch) as a PDF. */
    public void printTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            PlanPrintout.write(printContent(), out);
            message.set(messages.text("dossier.printed", file.getFileName()));
        } catch (IOException | RuntimeException e) {
            message.set(messages.text("dossier.printFailed"));
        }
    }

    /**
     * Writes the resident's access overview (inzage: everything this laptop holds about them) as a
     * PDF. Reads only what is in memory from the local store, so it works offline; writes nothing
     * to the records.
     */
    public void accessTo(Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            AccessPrintout.write(accessExport(), messages.locale(), session.reference(), session.zone(), out);
            message.set(messages.text("dossier.accessSaved", file.getFileName()));
        } catch (IOException | RuntimeException e) {
            message.set(messages.text("dossier.accessFailed"));
        }
    }

    /** What the access overview holds: this laptop's records of the resident, made now. */
    AccessExport accessExport() {
        return LaptopAccessExport.of(session.caseload(), conflicts.get(), residentId, session.clock().instant());
    }

    /** The access overview's proposed name: the date only, as for the plan's printout. */
    public String suggestedAccessName() {
        return messages.text("access.fileName", session.today().toString()) + ".pdf";
    }

    /**
     * The PDF's proposed name: the date only. The desktop keeps a file dialog's names in its list of
     * recently used files, so a resident's name there would be on view to anyone at the laptop.
     */
    public String suggestedPrintName() {
        return messages.text("print.fileName", session.today().toString()) + ".pdf";
    }

    /** Says how sending the printout to the printer went. */
    public void printed(PlanPrinter.Outcome outcome) {
        message.set(switch (outcome) {
            case PRINTED -> messages.text("dossier.printSent");
            case CANCELLED -> "";
            case NO_PRINTER -> messages.text("dossier.noPrinter");
            case FAILED -> messages.text("dossier.printerFailed");
        });
    }

    PrintContent printContent() {
        Resident r = resident();
        ResidentRecords records = session.caseload().recordsOf(residentId);
        List<PrintContent.Goal> goals = new ArrayList<>();
        if (records.plan() != null) {
            for (PlanGoal g : records.plan().goals()) {
                goals.add(new PrintContent.Goal(session.label(session.reference().lifeDomains(), g.domain()), g.goal(),
                        g.steps().stream().map(s -> new PrintContent.Step(s.description(), s.done())).toList()));
            }
        }
        List<PrintContent.AgreementLine> agreements = Agreements.open(records.agreements()).stream()
                .map(a -> new PrintContent.AgreementLine(a.description(), who(a), messages.date(a.dueDate()),
                        session.socialMapEntry(a.socialMapEntry()).map(e -> e.name() + ", " + e.address()).orElse("")))
                .toList();
        return new PrintContent(messages.text("print.title"), r.fullName(),
                messages.text("print.coach", session.coach().name()), messages.text("print.date", messages.longDate(session.today())),
                messages.text("print.goals"), messages.text("print.noGoals"), goals,
                messages.text("print.agreements"), messages.text("print.noAgreements"),
                List.of(messages.text("print.column.what"), messages.text("print.column.who"), messages.text("print.column.before")),
                agreements,
                messages.text("print.footer"));
    }

    /** Who does the agreement, as the coach reads it: "Inwoner", "Coach" or the partner's name. */
    private String owner(Agreement a) {
        return a.partner() == null ? EnumLabels.of(messages, "owner", a.owner()) : session.label(session.reference().partners(), a.partner());
    }

    private String who(Agreement a) {
        return switch (a.owner()) {
            case RESIDENT -> messages.text("print.who.resident");
            case COACH -> messages.text("print.who.coach", session.coach().name());
            case PARTNER -> session.label(session.reference().partners(), a.partner());
        };
    }

    public String agreementText(Agreement a) {
        return messages.text("dossier.agreementLine", a.description(), EnumLabels.of(messages, "owner", a.owner()),
                messages.date(a.dueDate()));
    }

    /** How near the agreement's due date is. */
    public Due agreementDue(Agreement a) {
        return Due.of(a.dueDate(), session.today());
    }

    /** How near the referral's check date is. */
    public Due referralDue(Referral x) {
        return Due.of(x.checkOn(), session.today());
    }

    /** The line of {@link #details} that says when the next contact is due. */
    public String nextContactLine() {
        return nextContactLine;
    }

    /** How near the next contact is. */
    public Due nextContactDue() {
        return nextContactDue;
    }

    public String referralText(Referral x) {
        return messages.text("dossier.referralLine", session.label(session.reference().partners(), x.partner()),
                EnumLabels.of(messages, "referral", x.status()), messages.date(x.checkOn()));
    }

    /** The plan's lines to read, a goal's line followed by its steps'; notes which step is on which line. */
    private List<String> planLines(DevelopmentPlan p) {
        List<String> lines = new ArrayList<>();
        planLineSteps.clear();
        planLineGoals.clear();
        if (p == null) {
            return lines;
        }
        for (PlanGoal g : p.goals()) {
            lines.add(messages.text("dossier.planGoal", session.label(session.reference().lifeDomains(), g.domain()), g.goal()));
            planLineSteps.add(null);
            planLineGoals.add(g.id());
            for (PlanStep step : g.steps()) {
                lines.add(messages.text(step.done() ? "dossier.planStepDone" : "dossier.planStep", step.description()));
                planLineSteps.add(step.id());
                planLineGoals.add(g.id());
            }
        }
        return lines;
    }

    private TimelineLine line(TimelineEntry e) {
        String date = messages.date(e.date());
        String kind = messages.text("timeline." + e.kind().name().toLowerCase(Locale.ROOT));
        return switch (e.kind()) {
            case CONTACT_ATTEMPT -> {
                ContactAttempt a = (ContactAttempt) e.record();
                yield new TimelineLine(date, kind, EnumLabels.of(messages, "channel", a.channel()) + " · "
                        + EnumLabels.of(messages, "result", a.result()), e.kind(), a.id());
            }
            case APPOINTMENT -> {
                Appointment a = (Appointment) e.record();
                yield new TimelineLine(date, kind, a.startsAt().atZone(session.zone()).toLocalTime() + " · "
                        + EnumLabels.of(messages, "place", a.place()), e.kind(), a.id());
            }
            case CONVERSATION -> {
                Conversation c = (Conversation) e.record();
                yield new TimelineLine(date, kind, conversationSummary(c), e.kind(), c.id());
            }
            case DRAFT -> {
                ConversationDraft d = (ConversationDraft) e.record();
                yield new TimelineLine(date, kind, messages.text("timeline.draftSummary"), e.kind(), d.conversation().id());
            }
            case AGREEMENT -> {
                Agreement a = (Agreement) e.record();
                yield new TimelineLine(date, kind, a.description() + " · " + EnumLabels.of(messages, "owner", a.owner())
                        + " · " + EnumLabels.of(messages, "agreement", a.status()), e.kind(), a.id());
            }
            case REFERRAL -> {
                Referral x = (Referral) e.record();
                yield new TimelineLine(date, kind, session.label(session.reference().partners(), x.partner()) + " · "
                        + EnumLabels.of(messages, "referral", x.status())
                        + (x.warmHandover() ? " · " + messages.text("timeline.warm") : ""), e.kind(), x.id());
            }
        };
    }

    private String conversationSummary(Conversation c) {
        String outcome = session.label(session.reference().outcomeCategories(), c.outcome());
        String correction = c.corrects() == null ? "" : messages.text("timeline.correction") + " · ";
        return correction + EnumLabels.of(messages, "place", c.place()) + (outcome.isEmpty() ? "" : " · " + outcome);
    }

    private Resident resident() {
        return session.caseload().resident(residentId).orElseThrow();
    }

    public ObservableList<String> details() {
        return details;
    }

    public ObservableList<TimelineLine> timeline() {
        return timeline;
    }

    public ObservableList<String> plan() {
        return plan;
    }

    public ObservableList<Agreement> openAgreements() {
        return openAgreements;
    }

    public ObservableList<Referral> openReferrals() {
        return openReferrals;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
