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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.office.AuditAction;
import nl.groningen.keukentafel.contract.office.AuditEntry;
import nl.groningen.keukentafel.contract.office.NewCoach;
import nl.groningen.keukentafel.server.domain.CaseloadCsv;
import nl.groningen.keukentafel.server.domain.CaseloadImportResult;
import nl.groningen.keukentafel.server.domain.CoachInfo;
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

/** The office's command line on the server: coaches, users, enrolment codes, devices, caseload import. Dutch, as the app is. */
final class OfficeCommands {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(ZoneId.of("Europe/Amsterdam"));

    private OfficeCommands() {
    }

    @Command(name = "add-coach", mixinStandardHelpOptions = true,
            description = {"Voeg een coach toe, met het gebied waarin die een caseload houdt.",
                    "Daarna: create-user NAAM --coach ID (het id dat deze opdracht toont) voor de gebruiker die de caseload "
                            + "bijhoudt, en assign of import-caseload voor de cliënten."},
            footer = {"", "Afsluitcodes: 0 gelukt, 1 niet gelukt (de melding zegt waarom), 2 verkeerde instelling of invoer.%n"})
    static final class AddCoach implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "NAAM", description = "Naam van de coach, bijvoorbeeld 'Femke Bakker' (met aanhalingstekens).")
        String name;
        @Option(names = "--area", required = true, paramLabel = "GEBIED",
                description = "Het gebied van de coach, zoals de andere coaches het hebben (zie: coaches), bijvoorbeeld Zuid.")
        String area;
        @Option(names = "--new-area", description = "Het gebied is nieuw: nog geen coach werkt er (anders wordt een onbekend gebied "
                + "geweigerd, tegen tikfouten).")
        boolean newArea;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (name.isBlank() || area.isBlank()) {
                err.println("Geef een naam en een gebied (--area); ze mogen niet leeg zijn.");
                return 2;
            }
            if (name.trim().length() > NewCoach.MAX_NAME || area.trim().length() > NewCoach.MAX_AREA) {
                err.println("De naam mag ten hoogste " + NewCoach.MAX_NAME + " tekens hebben, het gebied " + NewCoach.MAX_AREA + ".");
                return 2;
            }
            try (ServerStore server = ServerStore.open(store.settings())) {
                java.util.List<String> areas = server.coaches().areas();
                String known = areas.stream().filter(a -> a.equalsIgnoreCase(area.trim())).findFirst().orElse(null);
                if (known == null && !areas.isEmpty() && !newArea) {
                    err.println("Onbekend gebied '" + area.trim() + "'; bekende gebieden: " + String.join(", ", areas)
                            + ". Is het echt een nieuw gebied, geef dan ook --new-area.");
                    return 2;
                }
                Coach coach = server.coaches().add(name, area);
                out.println("Coach " + coach.name() + " (" + coach.area() + ") toegevoegd met id " + coach.id() + ".");
                out.println("Maak de gebruiker die de caseload bijhoudt met: keukentafel-server create-user NAAM --coach "
                        + coach.id());
            }
            return 0;
        }
    }

    @Command(name = "coaches", mixinStandardHelpOptions = true,
            description = "Toon de coaches: id, naam, gebied, hoeveel cliënten ze hebben en welke gebruiker(s) de caseload bijhouden.")
    static final class Coaches implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ServerStore server = ServerStore.open(store.settings())) {
                java.util.List<CoachInfo> coaches = server.coaches().list();
                if (coaches.isEmpty()) {
                    out.println("Er zijn nog geen coaches; voeg er een toe met: keukentafel-server add-coach NAAM --area GEBIED");
                    return 0;
                }
                out.printf("%-36s  %-24s  %-14s  %8s  %s%n", "coach-id", "naam", "gebied", "cliënten", "gebruiker(s)");
                for (CoachInfo c : coaches) {
                    out.printf("%-36s  %-24s  %-14s  %8d  %s%n", c.id(), c.name(), c.area(), c.residents(),
                            c.userNames().isEmpty() ? "geen" : String.join(", ", c.userNames()));
                }
            }
            return 0;
        }
    }

    @Command(name = "create-user", mixinStandardHelpOptions = true,
            description = {"Maak een gebruiker (coach, kantoor of beheerder).",
                    "Een coach-gebruiker houdt de caseload van één coach bij: geef diens id met --coach (zie: coaches)."},
            footer = {"", "Afsluitcodes: 0 gelukt, 1 niet gelukt (de melding zegt waarom), 2 verkeerde instelling of invoer.%n"})
    static final class CreateUser implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "GEBRUIKERSNAAM", description = "Gebruikersnaam, bijvoorbeeld sanne.")
        String userName;
        @Option(names = "--role", defaultValue = "COACH", paramLabel = "ROL",
                description = "COACH, OFFICE (kantoor: alle cliënten) of ADMIN (standaard: ${DEFAULT-VALUE}).")
        Role role;
        @Option(names = "--coach", paramLabel = "COACH-ID", description = "Voor een coach: het id van de coach wiens caseload "
                + "deze gebruiker bijhoudt (zie: coaches).")
        UUID coach;
        @Option(names = "--password-stdin", description = "Lees het wachtwoord van standaardinvoer in plaats van ernaar te vragen.")
        boolean passwordFromStdin;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            if (role == Role.COACH && coach == null) {
                err.println("Een coach-gebruiker heeft --coach COACH-ID nodig: de coach wiens caseload die bijhoudt (zie: coaches).");
                return 2;
            }
            try (ServerStore server = ServerStore.open(store.settings())) {
                if (coach != null && !server.coaches().exists(coach)) {
                    err.println("Er is geen coach met id " + coach + "; de ids staan bij: keukentafel-server coaches.");
                    return 1;
                }
                if (server.accounts().exists(userName)) {
                    err.println("De gebruikersnaam " + userName + " bestaat al; kies een andere.");
                    return 1;
                }
                char[] password = readPassword(passwordFromStdin);
                if (password.length < 10) {
                    err.println("Het wachtwoord moet minstens 10 tekens hebben.");
                    return 2;
                }
                server.accounts().createUser(userName, role, coach, password);
            }
            spec.commandLine().getOut().println("Gebruiker " + userName + " aangemaakt (" + role + ").");
            return 0;
        }
    }

    @Command(name = "enrolment-code", mixinStandardHelpOptions = true,
            description = "Maak een eenmalige code waarmee een gebruiker één laptop inschrijft.")
    static final class EnrolmentCode implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "GEBRUIKERSNAAM", description = "Gebruikersnaam.")
        String userName;
        @Option(names = "--valid-hours", defaultValue = "72", paramLabel = "UREN",
                description = "Hoe lang de code werkt, in uren (standaard: ${DEFAULT-VALUE}).")
        int validHours;

        @Override
        public Integer call() {
            try (ServerStore server = ServerStore.open(store.settings())) {
                if (!server.accounts().exists(userName)) {
                    spec.commandLine().getErr().println("Er is geen gebruiker " + userName + "; maak die eerst met create-user.");
                    return 1;
                }
                String code = server.accounts().createEnrolmentCode(userName, Duration.ofHours(validHours), Clock.systemUTC().instant());
                spec.commandLine().getOut().println(code);
            }
            return 0;
        }
    }

    @Command(name = "devices", mixinStandardHelpOptions = true, description = "Toon de ingeschreven apparaten en wanneer elk het laatst synchroniseerde.")
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

    @Command(name = "audit", mixinStandardHelpOptions = true,
            description = {"Wie zag of wijzigde een inwoner, en wanneer: elke regel van het auditlog over die inwoner, oudste eerst.",
                    "Ook elke synchronisatie die de inwoner naar een laptop bracht telt mee."})
    static final class Audit implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "CLIËNTNUMMER", description = "Cliëntnummer of id van de inwoner.")
        String resident;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (ServerStore server = ServerStore.open(store.settings())) {
                UUID id = server.residentByClientNumber(resident.trim());
                if (id == null) {
                    try {
                        id = UUID.fromString(resident.trim());
                    } catch (IllegalArgumentException e) {
                        spec.commandLine().getErr().println("Geen inwoner met cliëntnummer " + resident.trim() + ".");
                        return 1;
                    }
                }
                List<AuditEntry> entries = server.auditTrail(id).entries();
                if (entries.isEmpty()) {
                    out.println("Het auditlog heeft geen regels over inwoner " + id + ".");
                    return 0;
                }
                out.printf("%-16s  %-26s  %-12s  %-8s  %s%n", "wanneer", "wat", "gebruiker", "rol", "apparaat");
                for (AuditEntry entry : entries) {
                    out.printf("%-16s  %-26s  %-12s  %-8s  %s%n", WHEN.format(entry.at()), AUDIT_ACTIONS.get(entry.action()),
                            entry.userName() == null ? "de server" : entry.userName(), entry.role() == null ? "" : entry.role(),
                            entry.deviceName() == null ? "" : entry.deviceName());
                }
            }
            return 0;
        }
    }

    /** How the audit command names each act. */
    private static final java.util.Map<AuditAction, String> AUDIT_ACTIONS = java.util.Map.of(
            AuditAction.PULLED, "naar laptop gehaald", AuditAction.PUSHED, "gewijzigd vanaf laptop",
            AuditAction.VIEWED, "bekeken op kantoor", AuditAction.EXPORTED, "inzage gemaakt",
            AuditAction.IMPORTED, "geïmporteerd", AuditAction.MOVED, "naar andere coach",
            AuditAction.ERASED, "gewist");

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Trek een apparaat in: het synchroniseert niet meer en wist zijn gegevens bij het volgende contact.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "APPARAAT-ID", description = "Id van het apparaat (zie: devices).")
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
            description = {"Wijs cliënten toe aan een coach, of draag ze over van hun coach aan een andere.",
                    "De laptop van de nieuwe coach krijgt elke cliënt met de hele geschiedenis bij de volgende synchronisatie; "
                            + "de laptop van de oude coach stuurt eerst wat die nog van hen heeft en haalt ze dan weg."})
    static final class Assign implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Option(names = "--to", required = true, paramLabel = "GEBRUIKER-of-COACH-ID",
                description = "De gebruikersnaam van de coach (of het coach-id, zie: coaches).")
        String to;
        @Parameters(arity = "1..*", paramLabel = "CLIËNTNUMMER", description = "Cliëntnummers van de cliënten.")
        java.util.List<String> clientNumbers;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (ServerStore server = ServerStore.open(store.settings())) {
                UUID coach = server.accounts().coachOf(to).orElseGet(() -> parseUuid(to));
                if (coach == null || !server.coaches().exists(coach)) {
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
            description = {"Importeer cliënten uit een CSV-bestand (UTF-8, een kopregel, gescheiden door komma's of puntkomma's).",
                    "Eerst wordt elke regel gecontroleerd; is er een fout, dan staat elke fout met zijn regel in de melding en "
                            + "wordt niets opgeslagen.",
                    "Een cliëntnummer dat de server kent krijgt het adres, de wijk en de telefoon uit het bestand; de coach en "
                            + "alles wat de coach bijhoudt blijven zoals ze zijn. Laptops halen nieuwe en gewijzigde cliënten "
                            + "op bij hun volgende synchronisatie."},
            footer = {"", "Kolommen (de kopregel noemt ze; de volgorde maakt niet uit):",
                    "  client_number    verplicht; letters, cijfers, streepjes (hoogstens 32)",
                    "  first_name       verplicht",
                    "  surname_prefix   optioneel: tussenvoegsel, bijvoorbeeld 'de', 'van der'",
                    "  last_name        verplicht",
                    "  street           verplicht",
                    "  house_number     verplicht, bijvoorbeeld 12, 12a, 12-2",
                    "  postcode         verplicht, bijvoorbeeld 9712 AB (of 9712ab)",
                    "  city             optioneel; gelezen, niet bewaard",
                    "  wijk             verplicht",
                    "  date_of_birth    optioneel; jjjj-MM-dd of dd-MM-jjjj",
                    "  phone            optioneel",
                    "  known_at_wij     optioneel; ja of nee (leeg: nee). ja: outreachstatus known_at_wij, niet uitgenodigd",
                    "  specialist_team  optioneel; ja of nee (leeg: nee)",
                    "  coach            optioneel; de gebruikersnaam van de coach (of het coach-id); anders --coach",
                    "Nieuwe cliënten beginnen met outreachstatus to_schedule, contact elke 6 maanden op initiatief van de coach.%n"})
    static final class ImportCaseload implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "BESTAND.csv", description = "Het caseloadbestand.")
        Path file;
        @Option(names = "--coach", paramLabel = "GEBRUIKER-of-COACH-ID",
                description = "De coach voor regels zonder coach in de kolom coach.")
        String coach;
        @Option(names = "--dry-run", description = "Controleer het bestand en zeg wat er zou veranderen; sla niets op.")
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
                err.println("Het bestand " + file + (e instanceof java.nio.file.NoSuchFileException ? " bestaat niet."
                        : e instanceof java.nio.charset.CharacterCodingException ? " is geen UTF-8-tekst; sla het op als 'CSV UTF-8'."
                        : e instanceof java.nio.file.AccessDeniedException ? " mag deze gebruiker niet lezen."
                        : " kan niet gelezen worden."));
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
            if (result.leftGroup() > 0) {
                out.println(result.leftGroup() + " cliënt(en) uit de groep gemeld (left_group_on): die worden gewist als de "
                        + "bewaartermijn na die datum voorbij is.");
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
