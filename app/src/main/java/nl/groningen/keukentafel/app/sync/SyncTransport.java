package nl.groningen.keukentafel.app.sync;

import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;
import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/** How the sync engine reaches the server: HTTP in the app ({@link SyncClient}), anything in a simulation. */
public interface SyncTransport {

    PushResponse push(PushRequest request) throws SyncException;

    PullPage pull(long after, int limit) throws SyncException;

    /** The reference data and the sociale kaart; null when this transport has none to give. */
    default ReferenceBundle reference() throws SyncException {
        return null;
    }
}
