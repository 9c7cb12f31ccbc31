package nl.groningen.keukentafel.app.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeResult;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * The office: pushes with no coach (every resident in scope) straight to the server, from its own
 * view of agreements and residents, which it refreshes by pulling only now and then, so its edits
 * are often made from an old base and clash with the laptops'; and it moves residents between
 * coaches. Every change id it pushes is kept for the checks.
 */
final class SimulatedOffice {

    private final Chaos chaos;
    private final LocalDate today;
    private final Map<UUID, ObjectNode> agreements = new TreeMap<>();
    private final Map<UUID, ObjectNode> residents = new TreeMap<>();
    private final Set<UUID> pushed = new LinkedHashSet<>();
    /** The resident of every change the office pushed. */
    private final Map<UUID, UUID> residentOf = new TreeMap<>();
    /** The residents the office erased. */
    private final Set<UUID> erased = new LinkedHashSet<>();
    private long cursor;

    SimulatedOffice(Chaos chaos, LocalDate today) {
        this.chaos = chaos;
        this.today = today;
    }

    /** Pulls what changed since the office last looked. */
    void refresh(SimulatedServer server) {
        PullPage page;
        do {
            page = server.pull(null, cursor, 500);
            for (PulledChange change : page.changes()) {
                if (RecordKind.RESIDENT_ERASED.is(change.kind())) {
                    residents.remove(change.residentId());
                    agreements.values().removeIf(a -> a.path("resident_id").asText().equals(change.residentId().toString()));
                    continue;
                }
                Map<UUID, ObjectNode> view = RecordKind.AGREEMENT.is(change.kind()) ? agreements
                        : RecordKind.RESIDENT.is(change.kind()) ? residents : null;
                if (view != null && change.deleted()) {
                    view.remove(change.recordId());
                } else if (view != null) {
                    view.put(change.recordId(), (ObjectNode) change.body());
                }
            }
            cursor = page.nextCursor();
        } while (page.hasMore());
    }

    /** Edits an agreement's due date, status or description, or a resident's phone, from the view it has. */
    String edit(SimulatedServer server) {
        if (chaos.chance(0.5)) {
            refresh(server);
        }
        boolean resident = chaos.chance(0.25);
        Map<UUID, ObjectNode> view = resident ? residents : agreements;
        if (view.isEmpty()) {
            return "the office had nothing to edit";
        }
        ObjectNode base = chaos.pick(new ArrayList<>(view.values()));
        ObjectNode body = base.deepCopy();
        String what;
        if (resident) {
            body.put("phone", "050" + String.format("%07d", chaos.nextInt(10_000_000)));
            what = "phone";
        } else {
            switch (chaos.nextInt(3)) {
                case 0 -> {
                    body.put("due_date", today.plusDays(chaos.between(1, 90)).toString());
                    what = "due_date";
                }
                case 1 -> {
                    body.put("status", "cancelled");
                    body.putNull("done_date");
                    what = "status";
                }
                default -> {
                    body.put("description", "Kantoor " + chaos.nextInt(1000));
                    what = "description";
                }
            }
        }
        UUID recordId = UUID.fromString(base.path("id").asText());
        UUID residentId = resident ? recordId : UUID.fromString(base.path("resident_id").asText());
        Change change = new Change(chaos.uuid(), resident ? RecordKind.RESIDENT.wireName() : RecordKind.AGREEMENT.wireName(), recordId, residentId,
                false, body, base);
        pushed.add(change.changeId());
        residentOf.put(change.changeId(), residentId);
        List<ChangeResult> results = server.push(null, null, List.of(change));
        view.put(recordId, body);
        return "office edited " + what + " of " + change.kind() + " " + CoachActions.shortId(recordId) + ": "
                + results.get(0).status();
    }

    /** Moves a resident to another coach (assign). */
    String move(SimulatedServer server, List<UUID> residentIds, List<Coach> coaches, Instant at) {
        UUID residentId = chaos.pick(residentIds);
        Coach to = chaos.pick(coaches);
        UUID from = server.assign(residentId, to.id(), at);
        return "office moved " + CoachActions.shortId(residentId) + " from " + (from == null ? "nobody" : CoachActions.shortId(from))
                + " to " + CoachActions.shortId(to.id());
    }

    /**
     * An admin erases a resident (not one erased before): the laptops that have them learn it at
     * their next pull, with changes for them perhaps still in their outboxes.
     */
    String erase(SimulatedServer server, List<UUID> residentIds, Instant at) {
        List<UUID> left = residentIds.stream().filter(id -> !erased.contains(id)).toList();
        if (left.isEmpty()) {
            return "the office had nobody left to erase";
        }
        UUID residentId = chaos.pick(left);
        erased.add(residentId);
        return "office erased " + CoachActions.shortId(residentId) + (server.erase(residentId, at) ? "" : " (erased before)");
    }

    /** The residents the office erased. */
    Set<UUID> erased() {
        return erased;
    }

    /** The resident of a change the office pushed. */
    UUID residentOf(UUID changeId) {
        return residentOf.get(changeId);
    }

    /** Every change id the office pushed. */
    Set<UUID> pushed() {
        return pushed;
    }
}
