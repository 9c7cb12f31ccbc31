package nl.groningen.keukentafel.server;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.groningen.keukentafel.contract.office.ReportFigures;
import nl.groningen.keukentafel.contract.office.ReportScope;
import nl.groningen.keukentafel.server.domain.ReportExport;
import nl.groningen.keukentafel.server.storage.Reports;
import nl.groningen.keukentafel.server.storage.ServerStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The council's figures on the server's command line (docs/reports.md): the same {@link ReportFigures}
 * the office screens show, as JSON for scripts or as CSV, written by {@link ReportExport} just as
 * the office API's reports endpoint writes them.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Toon de cijfers voor de gemeenteraad over een periode: bereik, benaderingen en gesprekken, uitkomsten, "
                + "vervolg, In Beeld en opvolging per coach.",
                "Hoe elk cijfer geteld wordt staat in docs/reports.md. Bereik en vervolg zijn de stand van nu; "
                        + "'te laat' is gemeten op vandaag."},
        footer = {"", "In CSV staan aantallen onder 5 op wijk- of coachniveau als \"< 5\" (het bestand zegt dat ook); "
                + "JSON geeft de precieze aantallen en noemt de kleine onder small_counts.",
                "Afsluitcodes: 0 gelukt, 1 niet gelukt (de melding zegt waarom), 2 verkeerde instelling of invoer.%n"})
final class ReportCommand implements Callable<Integer> {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @Mixin
    StoreOptions store;
    @Spec
    CommandSpec spec;
    @Option(names = "--from", paramLabel = "DATUM", description = "Eerste dag van de periode, jjjj-MM-dd (standaard: 1 januari van dit jaar).")
    LocalDate from;
    @Option(names = "--to", paramLabel = "DATUM", description = "Laatste dag van de periode, jjjj-MM-dd (standaard: vandaag).")
    LocalDate to;
    @Option(names = "--format", defaultValue = "json", paramLabel = "VORM",
            description = "json (voor scripts, precieze aantallen) of csv (puntkomma's; kleine aantallen als \"< 5\"); standaard: ${DEFAULT-VALUE}.")
    String format;
    @ArgGroup(exclusive = true)
    Scope scope;

    /** At most one of area, wijk and coach; none: the whole city. */
    static final class Scope {
        @Option(names = "--area", paramLabel = "GEBIED", description = "Alleen de cliënten van de coaches in dit gebied (zie: coaches).")
        String area;
        @Option(names = "--wijk", paramLabel = "WIJK", description = "Alleen de cliënten die in deze wijk wonen.")
        String wijk;
        @Option(names = "--coach", paramLabel = "GEBRUIKER-of-COACH-ID", description = "Alleen de caseload van deze coach.")
        String coach;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String shape = format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!shape.equals("json") && !shape.equals("csv")) {
            err.println("Onbekende vorm '" + format + "' voor --format; kies json of csv.");
            return CommandLineErrors.EXIT_USAGE;
        }
        LocalDate today = LocalDate.now(AMSTERDAM);
        LocalDate first = from == null ? today.withDayOfYear(1) : from;
        LocalDate last = to == null ? today : to;
        if (first.isAfter(last)) {
            err.println("De periode eindigt (--to " + last + ") voor hij begint (--from " + first + ").");
            return CommandLineErrors.EXIT_USAGE;
        }
        try (ServerStore server = ServerStore.open(store.settings())) {
            ReportScope chosen = scope(server, err);
            if (chosen == null) {
                return CommandLineErrors.EXIT_FAILED;
            }
            ReportFigures figures = new Reports(server).figures(first, last, chosen, today);
            out.print(shape.equals("json") ? ReportExport.json(figures) : ReportExport.csv(figures));
            out.flush();
        }
        return 0;
    }

    private ReportScope scope(ServerStore server, PrintWriter err) {
        if (scope == null) {
            return ReportScope.city();
        }
        if (scope.area != null) {
            String known = server.coaches().areas().stream().filter(a -> a.equalsIgnoreCase(scope.area.trim())).findFirst().orElse(null);
            if (known == null) {
                err.println("Onbekend gebied '" + scope.area.trim() + "'; bekende gebieden: " + String.join(", ", server.coaches().areas())
                        + ".");
                return null;
            }
            return ReportScope.area(known);
        }
        if (scope.wijk != null) {
            if (scope.wijk.isBlank()) {
                err.println("Geef bij --wijk de naam van een wijk, bijvoorbeeld Selwerd.");
                return null;
            }
            return ReportScope.wijk(scope.wijk);
        }
        UUID coach = server.accounts().coachOf(scope.coach.trim()).orElseGet(() -> parseUuid(scope.coach.trim()));
        if (coach == null || !server.coaches().exists(coach)) {
            err.println("Geen coach met gebruikersnaam of id '" + scope.coach.trim() + "' (zie: coaches).");
            return null;
        }
        return ReportScope.coach(coach);
    }

    private static UUID parseUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
