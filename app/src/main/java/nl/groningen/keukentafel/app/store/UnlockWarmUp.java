package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.stream.Stream;
import nl.groningen.keukentafel.app.store.crypto.Sealer;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/**
 * What the other core does at unlock while the key derivation keeps one busy for a few hundred
 * milliseconds: the JSON readers for what is read right after (making one takes tens of
 * milliseconds the first time), then the decryption and the resident's reading compiled. Nothing
 * of it is the coach's data; best effort, so a failure only means no warm-up.
 */
final class UnlockWarmUp {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UnlockWarmUp.class);

    /** Rounds of the warm-up: about what the other core gets through while the key is derived. */
    private static final int WARM_UP_ROUNDS = 300;
    private static final String WARM_UP_ID = "00000000-0000-4000-8000-000000000001";

    private UnlockWarmUp() {
    }

    /** Everything the unlock warms, in order. */
    static void run(ObjectMapper json) {
        Stream.of(Coach.class, ReferenceData.class, SocialMapEntry.class).forEach(json::readerFor);
        openResidents(json);
    }

    /**
     * Opens a made-up resident ({@code warm-up-resident.json}, nobody's data) sealed under a
     * throw-away key, a few hundred times: the decryption and the resident's JSON reading
     * ({@link ResidentReader}) are then
     * compiled by the time the coach's 1,500 residents are opened. Runs on the other core while the
     * key is derived; best effort, so a failure only means no warm-up.
     */
    static void openResidents(ObjectMapper json) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try (InputStream in = UnlockWarmUp.class.getResourceAsStream("warm-up-resident.json");
             Sealer sealer = new Sealer(key)) {
            if (in == null) {
                return;
            }
            byte[] sealed = sealer.seal(SealedRecords.RESIDENT, WARM_UP_ID, in.readAllBytes());
            ResidentReader reader = new ResidentReader(json);
            for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                reader.read(sealer.open(SealedRecords.RESIDENT, WARM_UP_ID, sealed));
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Warm-up skipped ({})", e.getClass().getSimpleName());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }
}
