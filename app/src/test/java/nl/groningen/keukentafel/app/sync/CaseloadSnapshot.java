package nl.groningen.keukentafel.app.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PulledChange;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * What one side holds of one coach's caseload: residents and records by id, each record with its
 * kind and resident, as JSON read through the contract's records (so two sides compare equal when
 * the records are equal, whatever the spelling of the stored JSON). Made from a laptop's store,
 * from the server's change log as that coach's laptops pull it, or from the server's tables.
 * {@code anomalies} names what a laptop must never hold: the same id twice, a draft left behind.
 */
record CaseloadSnapshot(Map<UUID, JsonNode> residents, Map<UUID, Held> records, List<String> anomalies) {

    private static final ObjectMapper JSON = Json.mapper();

    /** One record as held: its kind, its resident, its content. */
    record Held(String kind, UUID residentId, JsonNode body) {
    }

    private CaseloadSnapshot() {
        this(new TreeMap<>(), new TreeMap<>(), new ArrayList<>());
    }

    /**
     * The server's view for a coach: everything that coach's laptops pull from cursor 0, folded by
     * record id in sequence order; a tombstone removes its record, a {@code resident_moved} or {@code resident_erased} marker
     * the resident with every record of theirs (as the laptop does).
     */
    static CaseloadSnapshot fromLog(SimulatedServer server, UUID coachId) {
        CaseloadSnapshot snapshot = new CaseloadSnapshot();
        long cursor = 0;
        PullPage page;
        do {
            page = server.pull(coachId, cursor, 500);
            for (PulledChange change : page.changes()) {
                snapshot.fold(change);
            }
            cursor = page.nextCursor();
        } while (page.hasMore());
        return snapshot;
    }

    private void fold(PulledChange change) {
        if (RecordKind.RESIDENT_MOVED.is(change.kind()) || RecordKind.RESIDENT_ERASED.is(change.kind())) {
            residents.remove(change.residentId());
            records.values().removeIf(held -> held.residentId().equals(change.residentId()));
        } else if (RecordKind.RESIDENT.is(change.kind())) {
            residents.put(change.recordId(), normalised(change.kind(), change.body()));
        } else if (change.deleted()) {
            records.remove(change.recordId());
        } else {
            records.put(change.recordId(), new Held(change.kind(), change.residentId(), normalised(change.kind(), change.body())));
        }
    }

    /** What the server's tables hold for a coach: the residents assigned to them and those residents' records. */
    static CaseloadSnapshot fromTables(List<SimulatedServer.StoredRow> rows, UUID coachId) {
        CaseloadSnapshot snapshot = new CaseloadSnapshot();
        for (SimulatedServer.StoredRow row : rows) {
            if (!coachId.equals(row.coachId())) {
                continue;
            }
            JsonNode body = normalised(row.kind(), read(row.body()));
            if (RecordKind.RESIDENT.is(row.kind())) {
                snapshot.residents.put(row.id(), body);
            } else {
                snapshot.records.put(row.id(), new Held(row.kind(), row.residentId(), body));
            }
        }
        return snapshot;
    }

    /** What a laptop holds, through the store's own reading calls. */
    static CaseloadSnapshot ofLaptop(LocalStore store) {
        CaseloadSnapshot snapshot = new CaseloadSnapshot();
        for (Resident resident : store.sealedRecords().residents()) {
            if (snapshot.residents.put(resident.id(), JSON.valueToTree(resident)) != null) {
                snapshot.anomalies.add("resident " + resident.id());
            }
        }
        for (Map.Entry<UUID, ResidentRecords> entry : store.sealedRecords().records().entrySet()) {
            UUID residentId = entry.getKey();
            ResidentRecords r = entry.getValue();
            r.contactAttempts().forEach(x -> snapshot.hold(RecordKind.CONTACT_ATTEMPT.wireName(), x.id(), residentId, x));
            r.appointments().forEach(x -> snapshot.hold(RecordKind.APPOINTMENT.wireName(), x.id(), residentId, x));
            r.conversations().forEach(x -> snapshot.hold(RecordKind.CONVERSATION.wireName(), x.id(), residentId, x));
            r.agreements().forEach(x -> snapshot.hold(RecordKind.AGREEMENT.wireName(), x.id(), residentId, x));
            r.referrals().forEach(x -> snapshot.hold(RecordKind.REFERRAL.wireName(), x.id(), residentId, x));
            if (r.plan() != null) {
                snapshot.hold(RecordKind.DEVELOPMENT_PLAN.wireName(), r.plan().id(), residentId, r.plan());
            }
            r.drafts().forEach(d -> snapshot.anomalies.add("a draft left behind: " + d.conversation().id()));
        }
        for (Conflict conflict : store.conflictRecords().conflicts()) {
            snapshot.hold(RecordKind.CONFLICT.wireName(), conflict.id(), conflict.residentId(), conflict);
        }
        return snapshot;
    }

    private void hold(String kind, UUID id, UUID residentId, Object record) {
        if (records.put(id, new Held(kind, residentId, JSON.valueToTree(record))) != null) {
            anomalies.add(kind + " " + id);
        }
    }

    /** How {@code actual} differs from this, one line per resident or record, at most {@code max} lines. */
    List<String> differencesIn(CaseloadSnapshot actual, int max) {
        List<String> lines = new ArrayList<>();
        for (UUID id : union(residents.keySet(), actual.residents.keySet())) {
            JsonNode expected = residents.get(id);
            JsonNode found = actual.residents.get(id);
            if (!Objects.equals(expected, found)) {
                lines.add("resident " + id + ": expected " + expected + ", found " + found);
            }
        }
        for (UUID id : union(records.keySet(), actual.records.keySet())) {
            Held expected = records.get(id);
            Held found = actual.records.get(id);
            if (!Objects.equals(expected, found)) {
                lines.add((expected != null ? expected.kind() : found.kind()) + " " + id + ": expected "
                        + (expected == null ? "nothing" : expected.body()) + ", found " + (found == null ? "nothing" : found.body()));
            }
        }
        return lines.size() <= max ? lines : lines.subList(0, max);
    }

    private static TreeSet<UUID> union(Set<UUID> a, Set<UUID> b) {
        TreeSet<UUID> all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonNode normalised(String kind, JsonNode body) {
        Class<?> type = RecordKind.ofWireName(kind).map(RecordKind::type).orElse(null);
        if (type == null) {
            throw new IllegalStateException("The simulation does not know the kind " + kind);
        }
        try {
            return JSON.valueToTree(JSON.treeToValue(body, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + kind + " cannot be read: " + body, e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored body cannot be read: " + body, e);
        }
    }
}
