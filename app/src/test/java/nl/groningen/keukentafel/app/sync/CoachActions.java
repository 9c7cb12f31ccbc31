package nl.groningen.keukentafel.app.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.CurrentResidents;
import nl.groningen.keukentafel.app.domain.OutreachRules;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.PlanGoal;
import nl.groningen.keukentafel.contract.PlanStep;
import nl.groningen.keukentafel.contract.Resident;

/**
 * What a coach does at the kitchen table, offline, on one laptop: each action reads the laptop's
 * store as it is now and saves through the same {@link LocalStore#recordWriter()} calls the screens use, with
 * every id and value drawn from the run's {@link Chaos}. Returns what it did, for the trace.
 */
final class CoachActions {

    private final Chaos chaos;
    private final LocalDate today;

    CoachActions(Chaos chaos, LocalDate today) {
        this.chaos = chaos;
        this.today = today;
    }

    /** One action, chosen at random among those possible on this laptop now. */
    String actOn(LocalStore store) {
        List<Resident> residents = sorted(store.sealedRecords().residents(), Resident::id);
        if (residents.isEmpty()) {
            return "had nobody in the caseload";
        }
        Resident resident = chaos.pick(residents);
        ResidentRecords records = store.sealedRecords().residentNow(resident.id()).map(CurrentResidents.ResidentNow::records).orElse(ResidentRecords.NONE);
        // By content, not by id or time: a conflict's id comes from the store's change id and its time from
        // the server's clock, neither of which the seed decides. Conflicts equal in content are equivalent.
        List<Conflict> conflicts = new ArrayList<>(store.conflictRecords().conflicts());
        conflicts.sort(Comparator.comparing((Conflict c) -> c.recordId()).thenComparing(Conflict::field)
                .thenComparing(c -> String.valueOf(c.laptopValue())).thenComparing(c -> String.valueOf(c.serverValue())));
        if (!conflicts.isEmpty() && chaos.chance(0.3)) {
            return resolve(store, chaos.pick(conflicts));
        }
        int roll = chaos.nextInt(100);
        if (roll < 12) {
            return finaliseConversation(store, resident);
        }
        if (roll < 34) {
            return editAgreement(store, resident, records);
        }
        if (roll < 46) {
            return editAppointment(store, resident, records);
        }
        if (roll < 60) {
            return workOnPlan(store, resident, records);
        }
        if (roll < 70) {
            return changePhone(store, resident);
        }
        if (roll < 85) {
            return recordContactAttempt(store, resident);
        }
        return editAgreement(store, resident, records);
    }

    private String finaliseConversation(LocalStore store, Resident resident) {
        Conversation draft = Conversations.newDraft(chaos.uuid(), resident, resident.coachId(), today, chaos.chance(0.5));
        List<Agreement> agreements = new ArrayList<>();
        int count = chaos.nextInt(3);
        for (int i = 0; i < count; i++) {
            agreements.add(new Agreement(chaos.uuid(), resident.id(), draft.id(), "Afspraak " + chaos.nextInt(1000),
                    AgreementOwner.values()[chaos.nextInt(AgreementOwner.values().length)], null,
                    today.plusDays(chaos.between(1, 60)), AgreementStatus.OPEN, null, null));
        }
        Conversation finalised = Conversations.finalise(draft);
        store.recordWriter().finalise(new ConversationDraft(draft, agreements, List.of()), finalised, Conversations.applyTo(resident, finalised));
        return "finalised conversation " + shortId(draft.id()) + " with " + count + " agreements for " + shortId(resident.id());
    }

    private String editAgreement(LocalStore store, Resident resident, ResidentRecords records) {
        if (records.agreements().isEmpty()) {
            return finaliseConversation(store, resident);
        }
        Agreement a = chaos.pick(sorted(records.agreements(), Agreement::id));
        Agreement edited = switch (chaos.nextInt(3)) {
            case 0 -> new Agreement(a.id(), a.residentId(), a.conversationId(), a.description(), a.owner(), a.partner(),
                    today.plusDays(chaos.between(1, 90)), a.status(), a.doneDate(), a.socialMapEntry());
            case 1 -> {
                AgreementStatus status = AgreementStatus.values()[chaos.nextInt(AgreementStatus.values().length)];
                yield new Agreement(a.id(), a.residentId(), a.conversationId(), a.description(), a.owner(), a.partner(),
                        a.dueDate(), status, status == AgreementStatus.DONE ? today : null, a.socialMapEntry());
            }
            default -> new Agreement(a.id(), a.residentId(), a.conversationId(), "Afspraak " + chaos.nextInt(1000), a.owner(),
                    a.partner(), a.dueDate(), a.status(), a.doneDate(), a.socialMapEntry());
        };
        store.recordWriter().saveAgreement(edited);
        return "edited agreement " + shortId(a.id());
    }

    private String editAppointment(LocalStore store, Resident resident, ResidentRecords records) {
        Instant start = today.atStartOfDay().toInstant(ZoneOffset.UTC).plus(Duration.ofHours(chaos.between(24, 24 * 30)));
        Place place = Place.values()[chaos.nextInt(Place.values().length)];
        if (records.appointments().isEmpty() || chaos.chance(0.25)) {
            Appointment made = new Appointment(chaos.uuid(), resident.id(), start, 60, place);
            store.recordWriter().saveAppointment(made);
            return "planned appointment " + shortId(made.id());
        }
        Appointment a = chaos.pick(sorted(records.appointments(), Appointment::id));
        Appointment edited = switch (chaos.nextInt(3)) {
            case 0 -> new Appointment(a.id(), a.residentId(), start, a.durationMinutes(), a.place());
            case 1 -> new Appointment(a.id(), a.residentId(), a.startsAt(), 15 * chaos.between(1, 8), a.place());
            default -> new Appointment(a.id(), a.residentId(), a.startsAt(), a.durationMinutes(), place);
        };
        store.recordWriter().saveAppointment(edited);
        return "edited appointment " + shortId(a.id());
    }

    /** Adds a goal with a first step (starting the plan if there is none, as the dossier does), or ticks a step. */
    private String workOnPlan(LocalStore store, Resident resident, ResidentRecords records) {
        DevelopmentPlan plan = records.plan();
        List<PlanStep> steps = plan == null ? List.of() : plan.goals().stream().flatMap(g -> g.steps().stream()).toList();
        if (plan == null || steps.isEmpty() || chaos.chance(0.4)) {
            List<PlanGoal> goals = new ArrayList<>(plan == null ? List.of() : plan.goals());
            goals.add(new PlanGoal(chaos.uuid(), "finances", "Doel " + chaos.nextInt(1000),
                    List.of(new PlanStep(chaos.uuid(), "Stap " + chaos.nextInt(1000), false))));
            UUID planId = plan == null ? DevelopmentPlan.idFor(resident.id()) : plan.id();
            DevelopmentPlan saved = new DevelopmentPlan(planId, resident.id(), goals, today);
            store.recordWriter().savePlan(saved);
            return (plan == null ? "made plan " : "added a goal to plan ") + shortId(saved.id());
        }
        UUID step = chaos.pick(steps).id();
        List<PlanGoal> goals = plan.goals().stream().map(g -> new PlanGoal(g.id(), g.domain(), g.goal(), g.steps().stream()
                .map(s -> s.id().equals(step) ? new PlanStep(s.id(), s.description(), !s.done()) : s).toList())).toList();
        store.recordWriter().savePlan(new DevelopmentPlan(plan.id(), plan.residentId(), goals, today));
        return "ticked step " + shortId(step) + " in plan " + shortId(plan.id());
    }

    private String changePhone(LocalStore store, Resident r) {
        String phone = "06" + String.format("%08d", chaos.nextInt(100_000_000));
        store.recordWriter().saveResident(new Resident(r.id(), r.coachId(), r.clientNumber(), r.givenName(), r.surnamePrefix(), r.surname(),
                r.street(), r.houseNumber(), r.postcode(), r.wijk(), r.dateOfBirth(), phone, r.knownAtWij(), r.specialistTeam(),
                r.contactTermMonths(), r.initiative(), r.outreachStatus(), r.nextContactDue()));
        return "changed the phone of " + shortId(r.id());
    }

    /** As the three-key contact attempt does: the attempt and the outreach status it leads to, together. */
    private String recordContactAttempt(LocalStore store, Resident r) {
        ContactResult result = ContactResult.values()[chaos.nextInt(ContactResult.values().length)];
        ContactChannel channel = ContactChannel.values()[chaos.nextInt(ContactChannel.values().length)];
        ContactAttempt attempt = new ContactAttempt(chaos.uuid(), r.id(), today, channel, result);
        store.recordWriter().saveContactAttempt(attempt, r.withContact(r.contactTermMonths(), r.initiative(),
                OutreachRules.afterAttempt(r.outreachStatus(), result), r.nextContactDue()));
        return "recorded contact attempt " + shortId(attempt.id());
    }

    /** Keeps the laptop's value, the server's, or (when it is a date) a third one. */
    private String resolve(LocalStore store, Conflict conflict) {
        int choice = chaos.nextInt(3);
        JsonNode chosen = choice == 0 ? conflict.laptopValue() : choice == 1 ? conflict.serverValue()
                : conflict.field().equals("due_date") ? Json.mapper().valueToTree(today.plusDays(chaos.between(1, 90)))
                : conflict.laptopValue();
        store.conflictRecords().resolve(conflict, chosen);
        return "resolved conflict on " + conflict.recordKind() + " " + shortId(conflict.recordId()) + " " + conflict.field();
    }

    static String shortId(UUID id) {
        return id.toString().substring(0, 8);
    }

    private static <T> List<T> sorted(List<T> items, Function<T, UUID> id) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(Comparator.comparing(id));
        return copy;
    }
}
