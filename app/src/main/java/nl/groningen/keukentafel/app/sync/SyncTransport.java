package nl.groningen.keukentafel.app.sync;

import nl.groningen.keukentafel.contract.sync.PullPage;
import nl.groningen.keukentafel.contract.sync.PushRequest;
import nl.groningen.keukentafel.contract.sync.PushResponse;

/**
 * The way to the sync server as the sync engine needs it: push a batch, pull a page. Over HTTP in
 * the app ({@link SyncClient}); in memory, with faults, in the sync simulation. Every failure is a
 * {@link SyncException}; a call may have reached the server even when it fails (the answer lost),
 * so the engine only ever resends with the same change ids.
 */
public interface SyncTransport {

    PushResponse push(PushRequest request) throws SyncException;

    PullPage pull(long after, int limit) throws SyncException;
}
