package nl.groningen.keukentafel.server;

import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.groningen.keukentafel.server.domain.CaseloadImportResult;
import nl.groningen.keukentafel.server.domain.DeviceInfo;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.storage.CaseloadImport;
import nl.groningen.keukentafel.server.storage.ServerStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The office's command line on the server: users, enrolment codes, devices, caseload import. */
final class OfficeCommands {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));

    private OfficeCommands() {
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true, description = "Make a user (coach, office or admin).")
    static final class CreateUser implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "User name, e.g. sanne")
        String userName;
        @Option(names = "--role", defaultValue = "COACH", description = "COACH, OFFICE or ADMIN (default: ${DEFAULT-VALUE}).")
        Role role;
        @Option(names = "--coach", description = "For a coach: the id of the coach whose caseload they keep.")
        UUID coach;
        @Option(names = "--password-stdin", description = "Read the password from standard input instead of asking.")
        boolean passwordFromStdin;

        @Override
        public Integer call() throws Exception {
            char[] password = readPassword(passwordFromStdin);
            if (password.length < 10) {
                spec.commandLine().getErr().println("Het wachtwoord moet minstens 10 tekens hebben.");
                return 2;
            }
            try (ServerStore server = ServerStore.open(store.settings())) {
                server.accounts().createUser(userName, role, coach, password);
            }
            spec.commandLine().getOut().println("Gebruiker " + userName + " aangemaakt (" + role + ").");
            return 0;
        }
    }

    @Command(name = "enrolment-code", mixinStandardHelpOptions = true,
            description = "Make a one-time code with which a user enrols one laptop.")
    static final class EnrolmentCode implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "User name")
        String userName;
        @Option(names = "--valid-hours", defaultValue = "72", description = "How long the code works (default: ${DEFAULT-VALUE}).")
        int validHours;

        @Override
        public Integer call() {
            try (ServerStore server = ServerStore.open(store.settings())) {
                String code = server.accounts().createEnrolmentCode(userName, Duration.ofHours(validHours), Clock.systemUTC().instant());
                spec.commandLine().getOut().println(code);
            }
            return 0;
        }
    }

    @Command(name = "devices", mixinStandardHelpOptions = true, description = "List enrolled devices and when each last synced.")
    static final class Devices implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ServerStore server = ServerStore.open(store.settings())) {
                out.printf("%-36s  %-12s  %-16s  %-16s  %s%n", "apparaat", "gebruiker", "ingeschreven", "laatst gezien", "status");
                for (DeviceInfo d : server.accounts().devices()) {
                    out.printf("%-36s  %-12s  %-16s  %-16s  %s%n", d.id(), d.userName(), WHEN.format(d.enrolledAt()),
                            d.lastSeenAt() == null ? "nooit" : WHEN.format(d.lastSeenAt()),
                            d.revokedAt() == null ? "actief" : "ingetrokken " + WHEN.format(d.revokedAt()));
                }
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a device: it syncs no more and wipes its data at its next contact.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", description = "Device id (see: devices)")
        UUID device;

        @Override
        public Integer call() {
            try (ServerStore server = ServerStore.open(store.settings())) {
                if (!server.accounts().revoke(device, Clock.systemUTC().instant())) {
                    spec.commandLine().getErr().println("Geen actief apparaat met id " + device + ".");
                    return 1;
                }
            }
            spec.commandLine().getOut().println("Apparaat " + device + " ingetrokken.");
            return 0;
        }
    }

    @Command(name = "assign", aliases = "transfer", mixinStandardHelpOptions = true,
            description = {"Assign residents to a coach, or transfer them from their coach to another.",
                    "The new coach's laptop receives each resident with the whole history at its next sync; the old",
                    "coach's laptop first sends what it still has for them, then removes them."})
    static final class Assign implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Option(names = "--to", required = true, description = "The coach's user name (or the coach id).")
        String to;
        @Parameters(arity = "1..*", description = "Client numbers of the residents.")
        java.util.List<String> clientNumbers;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ServerStore server = ServerStore.open(store.settings())) {
                UUID coach = server.accounts().coachOf(to).orElseGet(() -> parseUuid(to));
                if (coach == null) {
                    err.println("Geen coach met gebruikersnaam of id '" + to + "'.");
                    return 1;
                }
                java.util.List<String> unknown = clientNumbers.stream().filter(n -> server.residentByClientNumber(n) == null).toList();
                if (!unknown.isEmpty()) {
                    err.println("Onbekende cliëntnummers, er is niets verplaatst: " + String.join(", ", unknown) + ".");
                    return 1;
                }
                for (String number : clientNumbers) {
                    UUID from = server.assign(server.residentByClientNumber(number), coach, Clock.systemUTC().instant());
                    out.println(number + ": " + (from == null ? "toegewezen" : from.equals(coach) ? "had deze coach al" : "overgedragen"));
                }
            } catch (nl.groningen.keukentafel.server.storage.StoreException e) {
                err.println(e.getMessage());
                return 1;
            }
            return 0;
        }

        private static UUID parseUuid(String text) {
            try {
                return UUID.fromString(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    @Command(name = "import-caseload", mixinStandardHelpOptions = true,
            description = {"Import residents from a CSV file (UTF-8, a header row, comma- or semicolon-separated).",
                    "Every row is checked first; if any is wrong, every problem is listed with its line and nothing is stored.",
                    "A client number the server knows gets the file's address, wijk and phone; its coach and everything "
                            + "the coach keeps stay as they are. Laptops pull new and changed residents at their next sync."},
            footer = {"", "Columns (the header names them; order does not matter):",
                    "  client_number    required; letters, digits, dashes (at most 32)",
                    "  first_name       required",
                    "  surname_prefix   optional: tussenvoegsel, e.g. 'de', 'van der'",
                    "  last_name        required",
                    "  street           required",
                    "  house_number     required, e.g. 12, 12a, 12-2",
                    "  postcode         required, e.g. 9712 AB (or 9712ab)",
                    "  city             optional; read, not kept",
                    "  wijk             required",
                    "  date_of_birth    optional; yyyy-MM-dd or dd-MM-yyyy",
                    "  phone            optional",
                    "  known_at_wij     optional; ja or nee (empty: nee). ja: outreach status known_at_wij, not invited",
                    "  specialist_team  optional; ja or nee (empty: nee)",
                    "  coach            optional; the coach's user name (or coach id); else --coach",
                    "New residents start with outreach status to_schedule, contact every 6 months at the coach's initiative."})
    static final class ImportCaseload implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "FILE.csv", description = "The caseload file.")
        Path file;
        @Option(names = "--coach", paramLabel = "USER-or-COACH-ID", description = "The coach for rows without one in the coach column.")
        String coach;
        @Option(names = "--dry-run", description = "Check the file and say what would change; store nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            CaseloadCsv.Parsed parsed;
            try (Reader reader = new InputStreamReader(Files.newInputStream(file),
                    StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT))) {
                parsed = CaseloadCsv.read(reader, LocalDate.now(ZoneId.of("Europe/Amsterdam")));
            } catch (IOException e) {
                err.println("Het bestand " + file + " kan niet gelezen worden (" + e.getClass().getSimpleName() + ").");
                return 1;
            }
            CaseloadImportResult result;
            try (ServerStore server = ServerStore.open(store.settings())) {
                result = new CaseloadImport(server).run(parsed.rows(), parsed.problems(),
                        coach == null || coach.isBlank() ? null : coach.trim(), dryRun);
            }
            if (!result.imported()) {
                err.println("Niets geïmporteerd: " + result.problems().size() + (result.problems().size() == 1 ? " fout" : " fouten")
                        + " in " + file.getFileName() + ".");
                result.problems().forEach(problem -> err.println(problem));
                return 1;
            }
            out.println((dryRun ? "Proef (niets opgeslagen): " : "Caseload geïmporteerd uit ") + file.getFileName() + ": "
                    + result.added() + " nieuw, " + result.updated() + " bijgewerkt (adres, wijk of telefoon), "
                    + result.unchanged() + " ongewijzigd.");
            if (result.withoutCoach() > 0) {
                out.println(result.withoutCoach() + " nieuwe cliënt(en) zonder coach: die staan op geen laptop tot ze zijn toegewezen.");
            }
            if (result.coachNotChanged() > 0) {
                out.println(result.coachNotChanged() + " bekende cliënt(en) met een andere coach in het bestand: de toewijzing is niet "
                        + "veranderd (een import wijst niet opnieuw toe).");
            }
            if (!dryRun && result.added() + result.updated() > 0) {
                out.println("Laptops halen de nieuwe en bijgewerkte cliënten op bij hun volgende synchronisatie.");
            }
            return 0;
        }
    }

    private static char[] readPassword(boolean fromStdin) throws java.io.IOException {
        Console console = System.console();
        if (!fromStdin && console != null) {
            return console.readPassword("Wachtwoord: ");
        }
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }
}
