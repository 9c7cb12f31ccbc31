/**
 * The wire contract between the Keukentafel app and the sync server: the records both sides
 * exchange, with explicit JSON names, and the one Jackson mapping for them. These records are also
 * the vocabulary of both domains; nothing here imports JavaFX, JDBC or HTTP.
 */
package nl.groningen.keukentafel.contract;
