package nl.groningen.keukentafel.app.sync;

import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;

/** How the sync engine reaches the server: HTTP in the app ({@link SyncClient}), anything in a simulation. */
public interface SyncTransport {

    PushResponse push(PushRequest request) throws SyncException;

    PullPage pull(long after, int limit) throws SyncException;
}
