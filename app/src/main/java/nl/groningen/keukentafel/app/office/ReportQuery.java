package nl.groningen.keukentafel.app.office;

import java.time.LocalDate;
import java.util.Objects;
import nl.groningen.keukentafel.contract.office.ReportScope;

/**
 * What the office asks the server to count: a period (both days inclusive), a scope, and the day
 * "te laat" is measured against (null: the server's today).
 */
public record ReportQuery(LocalDate from, LocalDate to, ReportScope scope, LocalDate asOf) {

    public ReportQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(scope, "scope");
    }
}
