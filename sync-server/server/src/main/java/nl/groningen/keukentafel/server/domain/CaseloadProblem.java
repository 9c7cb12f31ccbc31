package nl.groningen.keukentafel.server.domain;

/** Why a caseload import file cannot be imported, at a line (0: the file or its header as a whole). In Dutch, for the office. */
public record CaseloadProblem(int line, String message) {

    @Override
    public String toString() {
        return (line > 0 ? "regel " + line : "bestand") + ": " + message;
    }
}
