package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What importing a caseload file would do, with nothing stored: every good row, every problem, and
 * the counts the import would answer (all 0 while there are problems).
 */
public record ImportPreview(
        @JsonProperty("rows") List<ImportRow> rows,
        @JsonProperty("problems") List<ImportProblem> problems,
        @JsonProperty("would") ImportResult would) {

    public ImportPreview {
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }
}
