package nl.groningen.keukentafel.contract.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.groningen.keukentafel.contract.Json;
import org.junit.jupiter.api.Test;

/** The three-way merge per field that decides what the server keeps when two sides changed a record. */
class FieldMergeTest {

    @Test
    void fieldsChangedOnOneSideEachAreBothKept() {
        FieldMerge.Result result = FieldMerge.merge(json("{'a':1,'b':1,'c':1}"), json("{'a':2,'b':1,'c':1}"),
                json("{'a':1,'b':3,'c':1}"));

        assertThat(result.merged()).isEqualTo(json("{'a':2,'b':3,'c':1}"));
        assertThat(result.conflicts()).isEmpty();
    }

    @Test
    void aFieldBothChangedDifferentlyKeepsTheServersValueAndReportsBoth() {
        FieldMerge.Result result = FieldMerge.merge(json("{'due':'2026-12-01'}"), json("{'due':'2026-12-05'}"),
                json("{'due':'2027-01-15'}"));

        assertThat(result.merged().get("due").asText()).isEqualTo("2027-01-15");
        assertThat(result.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.path()).isEqualTo("due");
            assertThat(c.serverValue().asText()).isEqualTo("2027-01-15");
            assertThat(c.laptopValue().asText()).isEqualTo("2026-12-05");
        });
    }

    @Test
    void bothChangingAFieldToTheSameValueIsNoConflict() {
        FieldMerge.Result result = FieldMerge.merge(json("{'s':'open'}"), json("{'s':'done'}"), json("{'s':'done'}"));

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged().get("s").asText()).isEqualTo("done");
    }

    @Test
    void listsOfObjectsWithIdsMergePerElement() {
        JsonNode base = json("{'goals':[{'id':'g1','goal':'Werk','done':false},{'id':'g2','goal':'Sport','done':false}]}");
        ObjectNode laptop = json("{'goals':[{'id':'g1','goal':'Werk','done':true},{'id':'g2','goal':'Sport','done':false},"
                + "{'id':'g3','goal':'Taal','done':false}]}");
        ObjectNode server = json("{'goals':[{'id':'g1','goal':'Betaald werk','done':false},{'id':'g4','goal':'Schulden','done':false}]}");

        FieldMerge.Result result = FieldMerge.merge(base, laptop, server);

        assertThat(result.conflicts()).isEmpty();
        assertThat(result.merged()).isEqualTo(json("{'goals':[{'id':'g1','goal':'Betaald werk','done':true},"
                + "{'id':'g4','goal':'Schulden','done':false},{'id':'g3','goal':'Taal','done':false}]}"));
    }

    @Test
    void withoutABaseEveryDifferenceIsAConflictSoNothingIsOverwrittenBlindly() {
        FieldMerge.Result result = FieldMerge.merge(null, json("{'a':1,'b':2}"), json("{'a':1,'b':3}"));

        assertThat(result.conflicts()).extracting(FieldMerge.FieldConflict::path).containsExactly("b");
        assertThat(result.merged().get("b").asInt()).isEqualTo(3);
    }

    @Test
    void theCoachsChoiceIsSetAtTheConflictsPathAlsoInsideAList() {
        ObjectNode plan = json("{'goals':[{'id':'g1','goal':'Werk'}]}");

        ObjectNode chosen = FieldMerge.set(plan, "goals/g1/goal", Json.mapper().getNodeFactory().textNode("Vrijwilligerswerk"));

        assertThat(FieldMerge.get(chosen, "goals/g1/goal").asText()).isEqualTo("Vrijwilligerswerk");
        assertThat(FieldMerge.get(plan, "goals/g1/goal").asText()).as("the original is left alone").isEqualTo("Werk");
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) Json.mapper().readTree(text.replace('\'', '"'));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
