package nl.groningen.keukentafel.app.ui.conversation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.domain.Agreements;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.NextContact;
import nl.groningen.keukentafel.app.domain.Referrals;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.SaveTimer;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.LifeDomainNote;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/**
 * The conversation form's state. Every change marks the draft dirty; a dirty draft is saved
 * within {@link #SAVE_EVERY} (not postponed by more typing), so a crash or power cut loses at most
 * the last half second. Finalising writes the conversation, its agreements and referrals and the
 * resident's next contact in one transaction, after which the record is read-only.
 */
public final class ConversationViewModel {

    static final Duration SAVE_EVERY = Duration.ofMillis(500);

    private final CoachSession session;
    private final Navigator navigator;
    private final Messages messages;
    private final Resident resident;
    private final UUID conversationId;
    private final UUID corrects;

    private final ObjectProperty<LocalDate> date = new SimpleObjectProperty<>();
    private final ObjectProperty<Place> place = new SimpleObjectProperty<>();
    private final IntegerProperty duration = new SimpleIntegerProperty();
    private final BooleanProperty followUp = new SimpleBooleanProperty();
    private final Map<String, BooleanProperty> domains = new LinkedHashMap<>();
    private final Map<String, StringProperty> domainNotes = new LinkedHashMap<>();
    private final StringProperty activities = new SimpleStringProperty("");
    private final StringProperty wishes = new SimpleStringProperty("");
    private final StringProperty ownGoals = new SimpleStringProperty("");
    private final ObjectProperty<ReferenceItem> outcome = new SimpleObjectProperty<>();
    private final Map<String, BooleanProperty> provisions = new LinkedHashMap<>();
    private final Map<String, BooleanProperty> signals = new LinkedHashMap<>();
    private final ObjectProperty<Integer> conversationRating = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> contactValueRating = new SimpleObjectProperty<>();
    private final IntegerProperty termMonths = new SimpleIntegerProperty();
    private final ObjectProperty<Initiative> initiative = new SimpleObjectProperty<>();
    private final ObservableList<Agreement> agreements = FXCollections.observableArrayList();
    private final ObservableList<Referral> referrals = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper nextDue = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    private final SaveTimer saveTimer;
    private boolean dirty;
    private boolean closed;

    /** {@code saveTimers} makes the timer that saves the draft {@link #SAVE_EVERY} after a change. */
    public ConversationViewModel(CoachSession session, UUID residentId, Navigator navigator, SaveTimer.Factory saveTimers) {
        this.session = session;
        this.saveTimer = saveTimers.after(SAVE_EVERY, this::saveNow);
        this.navigator = navigator;
        this.messages = session.messages();
        this.resident = session.caseload().resident(residentId).orElseThrow();
        ResidentRecords records = session.caseload().recordsOf(residentId);
        ConversationDraft draft = records.draft().orElseGet(() -> new ConversationDraft(
                Conversations.newDraft(UUID.randomUUID(), resident, session.coach().id(), session.today(),
                        spokenBefore(resident, records)), List.of(), List.of()));
        Conversation c = draft.conversation();
        this.conversationId = c.id();
        this.corrects = c.corrects();

        for (ReferenceItem item : session.reference().lifeDomains()) {
            domains.put(item.code(), new SimpleBooleanProperty(false));
            domainNotes.put(item.code(), new SimpleStringProperty(""));
        }
        session.reference().provisions().forEach(i -> provisions.put(i.code(), new SimpleBooleanProperty(false)));
        session.reference().signals().forEach(i -> signals.put(i.code(), new SimpleBooleanProperty(false)));

        date.set(c.date());
        place.set(c.place());
        duration.set(c.durationMinutes());
        followUp.set(c.followUp());
        for (LifeDomainNote note : c.lifeDomains()) {
            if (domains.containsKey(note.domain())) {
                domains.get(note.domain()).set(true);
                domainNotes.get(note.domain()).set(note.note());
            }
        }
        activities.set(c.activities());
        wishes.set(c.wishes());
        ownGoals.set(c.ownGoals());
        outcome.set(session.reference().outcomeCategories().stream().filter(i -> i.code().equals(c.outcome())).findFirst().orElse(null));
        c.provisionsInformed().forEach(code -> provisions.getOrDefault(code, new SimpleBooleanProperty()).set(true));
        c.signals().forEach(code -> signals.getOrDefault(code, new SimpleBooleanProperty()).set(true));
        conversationRating.set(c.conversationRating());
        contactValueRating.set(c.contactValueRating());
        termMonths.set(Math.max(1, Math.min(NextContact.MAX_TERM_MONTHS, c.nextContactTermMonths())));
        initiative.set(c.initiative());
        agreements.setAll(draft.agreements());
        referrals.setAll(draft.referrals());
        updateNextDue();

        List<Observable> watched = new ArrayList<>(List.of(date, place, duration, followUp, activities, wishes, ownGoals,
                outcome, conversationRating, contactValueRating, termMonths, initiative, agreements, referrals));
        watched.addAll(domains.values());
        watched.addAll(domainNotes.values());
        watched.addAll(provisions.values());
        watched.addAll(signals.values());
        watched.forEach(o -> o.addListener(x -> changed()));
        termMonths.addListener((o, a, b) -> updateNextDue());
        date.addListener((o, a, b) -> updateNextDue());
    }

    private void changed() {
        if (closed) {
            return;
        }
        dirty = true;
        saveTimer.start();
    }

    /** Saves the draft now if anything changed since the last save. */
    public void saveNow() {
        saveTimer.stop();
        if (!dirty || closed) {
            return;
        }
        dirty = false;
        ConversationDraft draft = draft();
        session.save(store -> store.saveDraft(draft),
                () -> session.caseload().put(resident.id(), session.caseload().recordsOf(resident.id()).withDraft(draft)),
                () -> saved.set(messages.text("conversation.saved", LocalTime.now(session.clock()).format(DateTimeFormatter.ofPattern("HH:mm:ss")))),
                failure -> {
                    dirty = true;
                    problem.set(failure);
                });
    }

    /** Whether the conversation can be finalised now; if not, the problem says why. Asked before the confirmation. */
    public boolean readyToFinalise() {
        Optional<Conversations.FinaliseProblem> notYet = Conversations.finaliseProblem(draft().conversation(), session.today());
        notYet.ifPresent(p -> problem.set(messages.text(switch (p) {
            case MISSING_DATE_OR_PLACE -> "conversation.missingDateOrPlace";
            case DATE_IN_FUTURE -> "conversation.dateInFuture";
        })));
        return notYet.isEmpty();
    }

    /**
     * What the coach confirms before finalising, line by line: the outcome, the agreements with their
     * due dates, the next contact, and the ratings left empty (asked at the end, so easily forgotten).
     */
    public List<String> finaliseSummary() {
        List<String> lines = new ArrayList<>();
        lines.add(outcome.get() == null ? messages.text("conversation.confirmNoOutcome")
                : messages.text("conversation.confirmOutcome", session.label(session.reference().outcomeCategories(), outcome.get().code())));
        lines.add(agreements.isEmpty() ? messages.text("conversation.confirmNoAgreements")
                : messages.text("conversation.confirmAgreements", messages.number(agreements.size())));
        for (Agreement a : agreements) {
            lines.add(messages.text("conversation.confirmAgreement", a.description(), messages.date(a.dueDate())));
        }
        lines.add(messages.text("conversation.confirmNext", messages.date(nextContactDue())));
        List<String> empty = new ArrayList<>();
        if (conversationRating.get() == null) {
            empty.add(messages.text("conversation.ratingConversation"));
        }
        if (contactValueRating.get() == null) {
            empty.add(messages.text("conversation.ratingContact"));
        }
        if (!empty.isEmpty()) {
            lines.add(messages.text("conversation.confirmRatingsEmpty", String.join(", ", empty)));
        }
        return lines;
    }

    private LocalDate nextContactDue() {
        return NextContact.due(date.get() == null ? session.today() : date.get(), termMonths.get());
    }

    /** Closes the conversation: read-only from now on; agreements, referrals and next contact take effect. */
    public void finalise() {
        if (!readyToFinalise()) {
            return;
        }
        ConversationDraft draft = draft();
        String done = messages.text("conversation.finalisedNotice", messages.date(draft.conversation().date()),
                messages.date(nextContactDue()));
        saveTimer.stop();
        closed = true;
        Conversation finalised = Conversations.finalise(draft.conversation());
        Resident updated = Conversations.applyTo(resident, finalised);
        session.save(store -> store.finalise(draft, finalised, updated), () -> {
            session.caseload().put(updated);
            session.caseload().put(resident.id(),
                    session.caseload().recordsOf(resident.id()).withFinalised(finalised, draft.agreements(), draft.referrals()));
        }, () -> navigator.showDossier(resident.id(), done), failure -> {
            closed = false;
            dirty = true;
            problem.set(failure);
        });
    }

    /** Leaves the form; the draft stays saved and can be continued from the dossier. */
    public void close() {
        saveNow();
        navigator.showDossier(resident.id());
    }

    /** Throws the draft away (after the coach confirmed). */
    public void discard() {
        saveTimer.stop();
        closed = true;
        session.save(store -> store.discardDraft(conversationId), () -> {
            ResidentRecords r = session.caseload().recordsOf(resident.id());
            session.caseload().put(resident.id(), new ResidentRecords(r.contactAttempts(), r.appointments(),
                    r.conversations(), r.agreements(), r.referrals(), r.plan(), List.of()));
        }, () -> navigator.showDossier(resident.id()), problem::set);
    }

    public boolean addAgreement(String description, AgreementOwner owner, ReferenceItem partner, LocalDate due, SocialMapEntry where) {
        String partnerCode = partner == null ? null : partner.code();
        Optional<Agreements.Problem> missing = Agreements.problem(description, owner, partnerCode, due);
        if (missing.isPresent()) {
            problem.set(messages.text(switch (missing.get()) {
                case INCOMPLETE -> "conversation.agreementIncomplete";
                case NEEDS_PARTNER -> "conversation.agreementNeedsPartner";
            }));
            return false;
        }
        problem.set("");
        agreements.add(Agreements.make(UUID.randomUUID(), resident.id(), conversationId, description, owner, partnerCode, due,
                where == null ? null : where.id()));
        return true;
    }

    public boolean addReferral(ReferenceItem partner, boolean warmHandover, LocalDate checkOn, SocialMapEntry where) {
        if (partner == null || checkOn == null) {
            problem.set(messages.text("conversation.referralIncomplete"));
            return false;
        }
        problem.set("");
        referrals.add(Referrals.make(UUID.randomUUID(), resident.id(), conversationId, partner.code(), warmHandover,
                date.get() == null ? session.today() : date.get(), checkOn, where == null ? null : where.id()));
        return true;
    }

    /** The due date the agreement being typed starts with. */
    public LocalDate defaultAgreementDue() {
        return Agreements.defaultDue(session.today());
    }

    /** The check date the referral being typed starts with. */
    public LocalDate defaultReferralCheck() {
        return Referrals.checkOn(session.today());
    }

    public ConversationDraft draft() {
        List<LifeDomainNote> notes = new ArrayList<>();
        domains.forEach((code, selected) -> {
            if (selected.get()) {
                notes.add(new LifeDomainNote(code, domainNotes.get(code).get().trim()));
            }
        });
        List<String> informed = provisions.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        List<String> raised = signals.entrySet().stream().filter(e -> e.getValue().get()).map(Map.Entry::getKey).toList();
        Conversation c = new Conversation(conversationId, resident.id(), session.coach().id(), date.get(), place.get(),
                duration.get(), followUp.get(), notes, activities.get(), wishes.get(),
                outcome.get() == null ? null : outcome.get().code(), informed, raised, ownGoals.get(),
                conversationRating.get(), contactValueRating.get(), termMonths.get(), initiative.get(),
                ConversationStatus.DRAFT, corrects);
        List<Agreement> linkedAgreements = agreements.stream().map(a -> Agreements.inConversation(a, conversationId)).toList();
        return new ConversationDraft(c, linkedAgreements, referrals);
    }

    private void updateNextDue() {
        nextDue.set(messages.text("conversation.nextDue", messages.date(nextContactDue())));
    }

    public String residentName() {
        return resident.fullName();
    }

    public String label(List<ReferenceItem> items, String code) {
        return session.label(items, code);
    }

    public ObjectProperty<LocalDate> dateProperty() {
        return date;
    }

    public ObjectProperty<Place> placeProperty() {
        return place;
    }

    public IntegerProperty durationProperty() {
        return duration;
    }

    /**
     * Whether a new conversation is a follow-up: the resident has had one. Old conversations leave
     * the laptop after its retention (docs/sync.md), so a resident spoken with before counts too.
     */
    private static boolean spokenBefore(Resident resident, ResidentRecords records) {
        return !records.conversations().isEmpty() || resident.outreachStatus() == OutreachStatus.SPOKEN;
    }

    public BooleanProperty followUpProperty() {
        return followUp;
    }

    public Map<String, BooleanProperty> domains() {
        return domains;
    }

    public Map<String, StringProperty> domainNotes() {
        return domainNotes;
    }

    public StringProperty activitiesProperty() {
        return activities;
    }

    public StringProperty wishesProperty() {
        return wishes;
    }

    public StringProperty ownGoalsProperty() {
        return ownGoals;
    }

    public ObjectProperty<ReferenceItem> outcomeProperty() {
        return outcome;
    }

    public Map<String, BooleanProperty> provisions() {
        return provisions;
    }

    public Map<String, BooleanProperty> signals() {
        return signals;
    }

    public ObjectProperty<Integer> conversationRatingProperty() {
        return conversationRating;
    }

    public ObjectProperty<Integer> contactValueRatingProperty() {
        return contactValueRating;
    }

    public IntegerProperty termMonthsProperty() {
        return termMonths;
    }

    public ObjectProperty<Initiative> initiativeProperty() {
        return initiative;
    }

    public ObservableList<Agreement> agreements() {
        return agreements;
    }

    public ObservableList<Referral> referrals() {
        return referrals;
    }

    public ReadOnlyStringProperty nextDueProperty() {
        return nextDue.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean isCorrection() {
        return corrects != null;
    }
}
