package nl.groningen.keukentafel.app.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The login's resident reader reads what the mapper writes exactly as the mapper reads it, and leaves the rest to it. */
class ResidentReaderTest {

    private static final ObjectMapper MAPPER = Json.mapper();
    private final ResidentReader reader = new ResidentReader(MAPPER);

    @Test
    void readsEveryResidentOfAnAreaAsTheMapperDoes() throws IOException {
        var area = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 23)).generate(DatasetSize.AREA);
        for (Resident resident : area.residents()) {
            byte[] json = MAPPER.writeValueAsBytes(resident);
            Resident read = reader.readUsualShape(json);
            assertNotNull(read, "not read by the reader itself: " + new String(json, StandardCharsets.UTF_8));
            assertEquals(MAPPER.readValue(json, Resident.class), read);
        }
    }

    @Test
    void readsNullsEscapesAndEveryEnumName() throws IOException {
        for (Initiative initiative : Initiative.values()) {
            for (OutreachStatus status : OutreachStatus.values()) {
                Resident resident = new Resident(UUID.randomUUID(), null, "KT\"1\\2", "Zoë \u00e9\t\"Jo\"", null,
                        "Ĳsselmeer 🏠", "Straat\nnieuw", "12a", "9711 AB", "Oosterpoort", null, null, true, false,
                        12, initiative, status, null);
                byte[] json = MAPPER.writeValueAsBytes(resident);
                assertEquals(resident, reader.readUsualShape(json));
                assertEquals(MAPPER.readValue(json, Resident.class), reader.read(json));
            }
        }
        Resident allNull = new Resident(null, null, null, null, null, null, null, null, null, null, null, null, false,
                false, 0, null, null, null);
        assertEquals(allNull, reader.readUsualShape(MAPPER.writeValueAsBytes(allNull)));
    }

    @Test
    void fieldsInAnyOrder() throws IOException {
        Resident resident = sample();
        ObjectNode written = MAPPER.valueToTree(resident);
        ObjectNode reversed = MAPPER.createObjectNode();
        var names = new java.util.ArrayList<String>();
        written.fieldNames().forEachRemaining(names::add);
        java.util.Collections.reverse(names);
        names.forEach(name -> reversed.set(name, written.get(name)));
        assertEquals(resident, reader.readUsualShape(MAPPER.writeValueAsBytes(reversed)));
    }

    /** Shapes the mapper writes differently or not at all: the reader steps aside and the mapper's verdict stands. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"unknown\": 1}",                                   // an unknown field: the mapper refuses it
            "{\"known_at_wij\": null}",                           // null for a yes/no: the mapper refuses it
            "{\"initiative\": \"somebody\"}",                     // no such initiative
            "{\"date_of_birth\": \"2026-02-30\"}",                // no such date
            "{\"contact_term_months\": \"six\"}",                 // not a number
    })
    void leavesWhatTheMapperRefusesToTheMapper(String change) throws IOException {
        byte[] json = changed(change);
        assertNull(reader.readUsualShape(json));
        assertThrows(IOException.class, () -> MAPPER.readValue(json, Resident.class));
        assertThrows(IOException.class, () -> reader.read(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"contact_term_months\": \"6\"}",                   // a number as text: the mapper takes it
            "{\"outreach_status\": 3}",                           // a status by its number: the mapper takes it
    })
    void readsOtherShapesTheMapperTakesThroughTheMapper(String change) throws IOException {
        byte[] json = changed(change);
        assertNull(reader.readUsualShape(json));
        assertEquals(MAPPER.readValue(json, Resident.class), reader.read(json));
    }

    @Test
    void aMissingFieldOrAFieldTwiceIsTheMappersToJudge() throws IOException {
        ObjectNode missing = MAPPER.valueToTree(sample());
        missing.remove("phone");
        assertNull(reader.readUsualShape(MAPPER.writeValueAsBytes(missing)));
        assertEquals(MAPPER.treeToValue(missing, Resident.class), reader.read(MAPPER.writeValueAsBytes(missing)));

        String written = MAPPER.writeValueAsString(sample());
        byte[] twice = (written.substring(0, written.length() - 1) + ", \"surname\": \"Anders\"}").getBytes(StandardCharsets.UTF_8);
        assertNull(reader.readUsualShape(twice));
        assertNull(reader.readUsualShape("[]".getBytes(StandardCharsets.UTF_8)));
        assertNull(reader.readUsualShape("{\"id\":".getBytes(StandardCharsets.UTF_8)));
        assertNull(reader.readUsualShape((written + " {}").getBytes(StandardCharsets.UTF_8)));
    }

    private static Resident sample() {
        return new Resident(UUID.fromString("6f1c1f56-3b0b-4a43-9d0f-0d1e2a3b4c5d"),
                UUID.fromString("00000000-0000-4000-8000-000000000002"), "KT0012345", "Anna", "van der", "Velde",
                "Proefstraat", "1", "9700 AA", "Oosterpoort", LocalDate.of(1970, 1, 1), "06 0000 0000", false, true, 6,
                Initiative.COACH, OutreachStatus.SPOKEN, LocalDate.of(2027, 1, 1));
    }

    /** The sample as the mapper writes it, with the fields of {@code change} put in instead. */
    private static byte[] changed(String change) throws IOException {
        ObjectNode node = MAPPER.valueToTree(sample());
        node.setAll((ObjectNode) MAPPER.readTree(change));
        return MAPPER.writeValueAsBytes(node);
    }
}
