package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A problem in a caseload file: its line (0: the file as a whole), its column when one is to blame, and why, in Dutch. */
public record ImportProblem(
        @JsonProperty("line") int line,
        @JsonProperty("column") String column,
        @JsonProperty("message") String message) {
}
