package nl.groningen.keukentafel.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.sync.Change;
import nl.groningen.keukentafel.contract.sync.ChangeStatus;
import org.junit.jupiter.api.Test;

/** The push decisions without a database: refusals, scope with moves, merge per field. */
class ChangeRulesTest {

    private static final ObjectMapper JSON = Json.mapper();
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");
    private static final UUID COACH = UUID.randomUUID();
    private static final UUID OTHER_COACH = UUID.randomUUID();
    private static final UUID RESIDENT = UUID.randomUUID();

    private final ChangeRules rules = new ChangeRules(JSON, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aChangeToAResidentOfAnotherCoachIsRefusedUnlessTheyMovedAwayAfterTheCursor() {
        Change change = agreementChange(agreement("Samen de post openen"), null);
        StoredResident movedAtTen = new StoredResident(OTHER_COACH.toString(), "{}", List.of(new StoredResident.Move(COACH.toString(), 10)));

        PushDecision before = rules.decide(change, new SyncScope(COACH, 9), movedAtTen, null);
        PushDecision after = rules.decide(change, new SyncScope(COACH, 10), movedAtTen, null);
        PushDecision neverOwn = rules.decide(change, new SyncScope(COACH, 0),
                new StoredResident(OTHER_COACH.toString(), "{}", List.of()), null);

        assertThat(before.status()).isEqualTo(ChangeStatus.APPLIED);
        assertThat(after).isEqualTo(new PushDecision.Refused("not_in_scope"));
        assertThat(neverOwn).isEqualTo(new PushDecision.Refused("not_in_scope"));
    }

    @Test
    void refusalsNameTheirReason() {
        SyncScope office = new SyncScope(null, 0);
        StoredResident resident = new StoredResident(COACH.toString(), "{}", List.of());
        Change unknown = new Change(UUID.randomUUID(), "wij_case_notes", UUID.randomUUID(), RESIDENT, false, JSON.createObjectNode());
        Change noId = new Change(null, "agreement", UUID.randomUUID(), RESIDENT, false, JSON.createObjectNode());
        Change madeConflict = new Change(UUID.randomUUID(), "conflict", UUID.randomUUID(), RESIDENT, false, JSON.createObjectNode());

        assertThat(rules.decide(unknown, office, resident, null)).isEqualTo(new PushDecision.Refused("unknown_kind"));
        assertThat(rules.decide(noId, office, resident, null)).isEqualTo(new PushDecision.Refused("missing_id"));
        assertThat(rules.decide(agreementChange(agreement("x"), null), office, null, null))
                .isEqualTo(new PushDecision.Refused("not_in_scope"));
        assertThat(rules.decide(madeConflict, office, resident, null)).isEqualTo(new PushDecision.Refused("not_allowed"));
    }

    @Test
    void aFieldBothSidesChangedKeepsTheServersValueAndGivesAConflict() throws Exception {
        Agreement base = agreement("Eerst de post openen");
        ObjectNode laptop = JSON.valueToTree(base);
        laptop.put("description", "Van de laptop");
        ObjectNode server = JSON.valueToTree(base);
        server.put("description", "Van het kantoor");
        StoredRecord stored = new StoredRecord("agreement", RESIDENT.toString(), JSON.writeValueAsString(server));

        PushDecision decision = rules.decide(agreementChange(base, laptop), new SyncScope(COACH, 0),
                new StoredResident(COACH.toString(), "{}", List.of()), stored);

        assertThat(decision.status()).isEqualTo(ChangeStatus.CONFLICT);
        PushDecision.Accepted accepted = (PushDecision.Accepted) decision;
        assertThat(accepted.body().get("description").asText()).isEqualTo("Van het kantoor");
        assertThat(accepted.conflicts()).singleElement().satisfies(conflict -> {
            assertThat(conflict.field()).isEqualTo("description");
            assertThat(conflict.laptopValue().asText()).isEqualTo("Van de laptop");
            assertThat(conflict.detectedAt()).isEqualTo(NOW);
        });
    }

    private static Agreement agreement(String description) {
        return new Agreement(UUID.randomUUID(), RESIDENT, UUID.randomUUID(), description, AgreementOwner.COACH, null,
                LocalDate.of(2026, 12, 6), AgreementStatus.OPEN, null, null);
    }

    /** A change of the agreement to {@code body} (null: the agreement itself, new), with the agreement as base. */
    private static Change agreementChange(Agreement agreement, ObjectNode body) {
        return new Change(UUID.randomUUID(), "agreement", agreement.id(), RESIDENT, false,
                body != null ? body : JSON.valueToTree(agreement), body != null ? JSON.valueToTree(agreement) : null);
    }
}
