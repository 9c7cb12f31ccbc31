package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/**
 * The unlock's warm-up reads a made-up resident: it must stay a valid resident as the contract
 * changes, or the warm-up would quietly stop warming (it swallows its failures by design).
 */
class WarmUpTest {

    @Test
    void theWarmUpResidentIsStillAResidentAndNobodyReal() throws Exception {
        try (InputStream in = LocalStore.class.getResourceAsStream("warm-up-resident.json")) {
            assertThat(in).as("warm-up-resident.json beside LocalStore").isNotNull();
            byte[] json = in.readAllBytes();
            Resident resident = Json.mapper().readValue(json, Resident.class);

            assertThat(resident.givenName()).isEqualTo("Voorbeeld");
            assertThat(resident.surname()).isEqualTo("Oefenstra");
            assertThat(resident.nextContactDue()).isNotNull();
            // It warms the login's own path, not the mapper it hands other shapes to.
            assertThat(new ResidentReader(Json.mapper()).readUsualShape(json)).isEqualTo(resident);
        }
    }
}
