package nl.groningen.keukentafel.server.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Conflict;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.FieldMerge;
import nl.groningen.keukentafel.contract.sync.RecordKind;

/**
 * The rules a pushed change is decided by, given what the server has stored: whether it is refused
 * (and why), and if not, the body to store, merged per field with the server's version where its
 * kind is merged ({@link RecordKind#mergedPerField}), and a conflict for every field both sides
 * changed differently. Reading what is stored and writing what is decided is storage's work.
 */
public final class ChangeRules {

    private final ObjectMapper json;
    private final Clock clock;

    /** @param clock stamps the conflicts found ({@code detected_at}) */
    public ChangeRules(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /**
     * Decides one change.
     *
     * @param resident the change's resident as stored (with what earlier changes of the same push
     *                 wrote), or null: no such resident
     * @param existing the change's record as stored, or null: none, or deleted (not read for a resident)
     */
    public PushDecision decide(Change change, SyncScope scope, StoredResident resident, StoredRecord existing) {
        String refusal = refusal(change, scope, resident, existing);
        if (refusal != null) {
            return new PushDecision.Refused(refusal);
        }
        List<FieldMerge.FieldConflict> fields = new ArrayList<>();
        ObjectNode body;
        if (RecordKind.RESIDENT.is(change.kind())) {
            body = merged(change, resident.body(), fields);
            body.put("coach_id", resident.coachId()); // a laptop never moves a resident; the office does
        } else if (change.deleted()) {
            body = null;
        } else {
            body = merged(change, existing == null ? null : existing.body(), fields);
        }
        List<Conflict> conflicts = new ArrayList<>();
        for (FieldMerge.FieldConflict field : fields) {
            UUID id = Conflict.idFor(change.changeId(), change.recordId(), field.path());
            conflicts.add(new Conflict(id, change.residentId(), change.kind(), change.recordId(), field.path(),
                    field.serverValue(), field.laptopValue(), clock.instant()));
        }
        return new PushDecision.Accepted(body, conflicts);
    }

    /** Why a change cannot be applied, or null when it can; the first reason that holds, in this order. */
    private String refusal(Change change, SyncScope scope, StoredResident resident, StoredRecord existing) {
        Class<?> type = RecordKind.ofWireName(change.kind()).filter(RecordKind::pushable).map(RecordKind::type).orElse(null);
        if (type == null) {
            return "unknown_kind";
        }
        if (change.changeId() == null || change.recordId() == null || change.residentId() == null) {
            return "missing_id";
        }
        if (!scope.covers(resident)) {
            return "not_in_scope";
        }
        boolean isResident = RecordKind.RESIDENT.is(change.kind());
        if (isResident && (change.deleted() || !change.recordId().equals(change.residentId()))) {
            return "not_allowed";
        }
        if (RecordKind.CONFLICT.is(change.kind()) && !change.deleted()) {
            return "not_allowed"; // the server makes conflicts; the laptop only resolves them
        }
        if (!change.deleted()) {
            if (change.body() == null || !change.body().isObject()) {
                return "invalid_body";
            }
            try {
                json.treeToValue(change.body(), type);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return "invalid_body";
            }
            String id = change.body().path("id").asText();
            String residentId = isResident ? id : change.body().path("resident_id").asText();
            if (!change.recordId().toString().equals(id) || !change.residentId().toString().equals(residentId)) {
                return "id_mismatch";
            }
        }
        if (!isResident) {
            if (existing != null && !existing.residentId().equals(change.residentId().toString())) {
                return "id_mismatch";
            }
            if (existing != null && RecordKind.CONVERSATION.is(existing.kind()) && isFinalisedConversation(existing.body())) {
                return "finalised"; // a finalised conversation is read-only: a correction is a new record
            }
        }
        return null;
    }

    /** The laptop's body merged per field into the server's (when there is one and the kind is merged). */
    private ObjectNode merged(Change change, String serverBody, List<FieldMerge.FieldConflict> conflicts) {
        ObjectNode laptop = (ObjectNode) change.body();
        if (serverBody == null || !RecordKind.ofWireName(change.kind()).map(RecordKind::mergedPerField).orElse(false)) {
            return laptop.deepCopy();
        }
        try {
            FieldMerge.Result result = FieldMerge.merge(change.base(), laptop, (ObjectNode) json.readTree(serverBody));
            conflicts.addAll(result.conflicts());
            return result.merged();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean isFinalisedConversation(String body) {
        try {
            return json.readValue(body, Conversation.class).status() == ConversationStatus.FINALISED;
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
