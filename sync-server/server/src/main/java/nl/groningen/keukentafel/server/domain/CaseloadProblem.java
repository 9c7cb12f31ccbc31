package nl.groningen.keukentafel.server.domain;

/**
 * Why a caseload import file cannot be imported, at a line (0: the file or its header as a whole)
 * and, where one value is to blame, its column (null otherwise). In Dutch, for the office.
 */
public record CaseloadProblem(int line, String column, String message) {

    /** A problem with the line as a whole (or the file), not one column. */
    public CaseloadProblem(int line, String message) {
        this(line, null, message);
    }

    @Override
    public String toString() {
        return (line > 0 ? "regel " + line : "bestand") + ": " + message;
    }
}
