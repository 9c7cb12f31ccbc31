/**
 * The sync protocol's wire records: changes pushed from a laptop's outbox, the server's answer per
 * change, and the pages of changes a laptop pulls by the server's sequence.
 */
package nl.groningen.keukentafel.contract.sync;
