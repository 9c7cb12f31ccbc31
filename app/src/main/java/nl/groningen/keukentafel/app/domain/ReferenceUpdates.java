package nl.groningen.keukentafel.app.domain;

import nl.groningen.keukentafel.contract.sync.ReferenceBundle;

/** The reference data and sociale kaart as the server hands them out, with their version. */
public interface ReferenceUpdates {

    /** The version of the reference data held here, or null before the first. */
    String referenceVersion();

    /** Replaces the reference data and the sociale kaart, with their version, in one transaction. */
    void saveReference(ReferenceBundle bundle);
}
