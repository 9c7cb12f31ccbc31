package nl.groningen.keukentafel.server.domain;

/** What a user may do: a coach works in their own caseload; office imports, assigns and manages devices; admin all. */
public enum Role {
    COACH,
    OFFICE,
    ADMIN
}
