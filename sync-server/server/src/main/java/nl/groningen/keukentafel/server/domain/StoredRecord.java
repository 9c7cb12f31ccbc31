package nl.groningen.keukentafel.server.domain;

/** A resident's record as the server has stored it: its kind's wire name, its resident's id and its body as JSON text. */
public record StoredRecord(String kind, String residentId, String body) {
}
