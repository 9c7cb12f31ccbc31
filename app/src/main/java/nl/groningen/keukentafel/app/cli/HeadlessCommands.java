package nl.groningen.keukentafel.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import nl.groningen.keukentafel.app.domain.ConversationDraft;
import nl.groningen.keukentafel.app.domain.Conversations;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.domain.SyncState;
import nl.groningen.keukentafel.app.domain.WrongCredentialException;
import nl.groningen.keukentafel.app.profile.DataFolders;
import nl.groningen.keukentafel.app.profile.Enrolment;
import nl.groningen.keukentafel.app.profile.Preconfiguration;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.app.store.OwnerOnly;
import nl.groningen.keukentafel.app.sync.SyncClient;
import nl.groningen.keukentafel.app.sync.SyncEngine;
import nl.groningen.keukentafel.app.sync.SyncException;
import nl.groningen.keukentafel.app.sync.SyncFailure;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.Resident;
import okhttp3.OkHttpClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The app's headless command line (same jar as the app): enrol this laptop, sync, show the sync
 * status, export the local data as JSON, add a conversation from a JSON file. For installers'
 * scripts, support staff and end-to-end tests. Exit codes: 0 done, 1 failed (message on stderr),
 * 2 wrong password or usage, 3 device revoked (local data wiped), 4 offline.
 */
public final class HeadlessCommands {

    static final int FAILED = 1;
    static final int WRONG_PASSWORD = 2;
    static final int REVOKED = 3;
    static final int OFFLINE = 4;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Amsterdam"));

    private HeadlessCommands() {
    }

    /** Options every command shares: where the data is, whose it is, and how the password arrives. */
    public static final class Common {
        @Option(names = "--data-dir", description = "Map met de lokale gegevens (standaard de gebruikersmap van het systeem).")
        Path dataDir;
        @Option(names = "--user", required = true, description = "Gebruikersnaam van de coach.")
        String user;
        @Option(names = "--password-stdin", description = "Lees het wachtwoord van standaardinvoer "
                + "(anders uit KEUKENTAFEL_PASSWORD of gevraagd).")
        boolean passwordFromStdin;
        @Option(names = "--lang", defaultValue = "nl", description = "Taal van de meldingen: nl of en.")
        String language;

        Path dataFolder() {
            return dataDir == null ? DataFolders.defaultFolder() : dataDir;
        }

        Profiles profiles() {
            return new Profiles(dataFolder());
        }

        Messages messages() {
            return Messages.forLocale(java.util.Locale.forLanguageTag(language));
        }

        /** The coach's password; {@link NoPasswordException} when none was given (an empty line is none). */
        char[] password() throws IOException {
            String env = System.getenv("KEUKENTAFEL_PASSWORD");
            Console console = System.console();
            char[] password;
            if (!passwordFromStdin && env != null) {
                password = env.toCharArray();
            } else if (!passwordFromStdin && console != null) {
                password = console.readPassword("%s", messages().text("cli.passwordPrompt"));
            } else {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                password = line == null ? null : line.toCharArray();
            }
            if (password == null || password.length == 0) {
                throw new NoPasswordException();
            }
            return password;
        }

        /**
         * Tells that the coach's data on this laptop was wiped when the office revoked it, if it
         * was (the exit code then), or null: the commands say so rather than that nobody enrolled.
         */
        Integer wiped(PrintWriter err) {
            Optional<java.time.Instant> wipedAt = profiles().wipedAt(user);
            if (wipedAt.isEmpty()) {
                return null;
            }
            Messages m = messages();
            err.println(wipedAt.get().equals(java.time.Instant.EPOCH) ? m.text("cli.wipedEarlier", user.trim())
                    : m.text("cli.wiped", user.trim(), WHEN.format(wipedAt.get())));
            return REVOKED;
        }
    }

    /** No password came (an empty line, an empty variable, nothing on standard input). */
    static final class NoPasswordException extends RuntimeException {
        private static final long serialVersionUID = 1L;
    }

    /** Base of the commands that work on an existing, unlocked local database. */
    abstract static class Unlocked implements Callable<Integer> {
        @Mixin
        Common common;
        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() throws Exception {
            Path file = common.profiles().fileOf(common.user);
            if (file == null || !LocalStore.exists(file)) {
                Integer wiped = file == null ? null : common.wiped(err());
                if (wiped != null) {
                    return wiped;
                }
                err().println(common.messages().text("cli.noProfile", common.user));
                return FAILED;
            }
            LocalStore store;
            try {
                store = LocalStore.unlock(file, common.password());
            } catch (NoPasswordException e) {
                err().println(common.messages().text("cli.noPassword"));
                return WRONG_PASSWORD;
            } catch (WrongCredentialException e) {
                err().println(common.messages().text("login.wrongPassword"));
                return WRONG_PASSWORD;
            }
            try (store) {
                return run(store);
            }
        }

        abstract int run(LocalStore store) throws Exception;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        PrintWriter err() {
            return spec.commandLine().getErr();
        }
    }

    @Command(name = "enroll", aliases = "enrol", mixinStandardHelpOptions = true,
            description = "Schrijf deze laptop in bij de syncserver met een eenmalige code van kantoor.")
    public static final class Enroll implements Callable<Integer> {
        @Mixin
        Common common;
        @Spec
        CommandSpec spec;
        @Option(names = "--server", description = "Adres van de syncserver, bijv. https://sync.keukentafel.groningen.nl "
                + "(standaard: zoals IT het voor deze laptop instelde).")
        String server;
        @Option(names = "--code", description = "De inschrijfcode van kantoor (XXXX-XXXX-XXXX; standaard: zoals IT die instelde).")
        String code;
        @Option(names = "--device-name", description = "Naam van deze laptop (standaard de computernaam).")
        String deviceName;

        @Override
        public Integer call() throws Exception {
            Messages messages = common.messages();
            Profiles profiles = common.profiles();
            if (profiles.fileOf(common.user) == null) {
                spec.commandLine().getErr().println(messages.text("cli.badUser", common.user));
                return WRONG_PASSWORD;
            }
            Preconfiguration preconfigured = Preconfiguration.of(common.dataFolder());
            String serverUrl = preconfigured.serverUrl(server).value();
            String enrolmentCode = preconfigured.enrolmentCode(code).value();
            if (serverUrl == null || enrolmentCode == null) {
                spec.commandLine().getErr().println(messages.text(serverUrl == null ? "cli.noServer" : "cli.noCode"));
                return WRONG_PASSWORD;
            }
            try (LocalStore store = Enrolment.enrol(profiles, SyncClient.defaultHttp(), serverUrl, common.user,
                    common.password(), enrolmentCode, deviceName != null ? deviceName : Enrolment.deviceName())) {
                spec.commandLine().getOut().println(messages.text("cli.enrolled", store.syncState().enrolment().orElseThrow().deviceId()));
                return 0;
            } catch (NoPasswordException e) {
                spec.commandLine().getErr().println(messages.text("cli.noPassword"));
                return WRONG_PASSWORD;
            } catch (WrongCredentialException e) {
                spec.commandLine().getErr().println(messages.text("login.wrongPassword"));
                return WRONG_PASSWORD;
            } catch (SyncException e) {
                spec.commandLine().getErr().println(messages.text(e.failure().messageKey()));
                return e.failure() == SyncFailure.OFFLINE ? OFFLINE : FAILED;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println(messages.text("enrol.badServer", serverUrl));
                return FAILED;
            }
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Synchroniseer nu: stuur de wachtende wijzigingen en haal de nieuwe op.")
    public static final class Sync extends Unlocked {
        @Option(names = "--server", description = "Adres van de syncserver, als kantoor de server verhuisde "
                + "(standaard: -Dkeukentafel.server.url, dan de instellingen van IT voor deze computer, dan die van de gebruiker, "
                + "dan de server waarbij deze laptop is ingeschreven). De laptop houdt zijn inschrijving.")
        String server;

        @Override
        int run(LocalStore store) throws IOException {
            Messages messages = common.messages();
            OkHttpClient http = SyncClient.defaultHttp();
            Preconfiguration preconfigured = Preconfiguration.of(common.dataFolder());
            Optional<SyncState.Enrolled> enrolled = store.syncState().enrolment();
            Preconfiguration.Setting address = preconfigured.syncServer(server, enrolled.map(SyncState.Enrolled::serverUrl).orElse(null));
            if (enrolled.isPresent()) {
                try {
                    new SyncClient(http, address.value(), null);
                } catch (IllegalArgumentException e) {
                    err().println(messages.text("enrol.badServer", address.value()));
                    return address.source() == Preconfiguration.Source.COMMAND_LINE ? WRONG_PASSWORD : FAILED;
                }
            }
            SyncEngine engine = new SyncEngine(store.outbox(), store.pulledPages(), store.syncState(), store.referenceTable(),
                    e -> new SyncClient(http, address.value(), e.token()), Clock.systemUTC(),
                    store.retainedConversations(), preconfigured.conversationRetentionMonths());
            long[] lastShown = {0};
            try {
                SyncEngine.Outcome outcome = engine.syncOnce((done, total) -> {
                    if (done - lastShown[0] >= 5_000 || done == total) {
                        lastShown[0] = done;
                        err().println(messages.text("cli.pulling", done, total));
                        err().flush();
                    }
                });
                out().println(messages.text("cli.synced", outcome.pushed(), outcome.conflicts(), outcome.refused(), outcome.pulled()));
                if (outcome.erased() > 0) {
                    out().println(messages.text("sync.result.erased", outcome.erased()));
                }
                keep(store, preconfigured, enrolled.orElseThrow(), address);
                return 0;
            } catch (SyncException e) {
                err().println(messages.text(e.failure().messageKey()));
                if (e.failure() == SyncFailure.REVOKED) {
                    store.close();
                    common.profiles().wipeRevoked(common.user);
                    err().println(messages.text("sync.wiped"));
                    return REVOKED;
                }
                return e.failure() == SyncFailure.OFFLINE ? OFFLINE : FAILED;
            }
        }
    }

    /**
     * After a sync that worked with a server other than the one enrolled with (the office moved
     * it): the laptop keeps the new address, with the same device and token, so the next sync goes
     * there without {@code --server}; given on the command line, it goes in the user's settings too,
     * which otherwise would still name the old server.
     */
    static void keep(LocalStore store, Preconfiguration preconfigured, SyncState.Enrolled enrolled,
                     Preconfiguration.Setting address) throws IOException {
        if (address.value().equals(enrolled.serverUrl())) {
            return;
        }
        store.syncState().saveEnrolment(new SyncState.Enrolled(address.value(), enrolled.deviceId(), enrolled.token()));
        if (address.source() == Preconfiguration.Source.COMMAND_LINE) {
            preconfigured.rememberServer(address.value());
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Laat de syncstatus van deze laptop zien.")
    public static final class Status extends Unlocked {
        @Option(names = "--server", description = "Adres van de syncserver dat sync zou gebruiken (zie sync --help).")
        String server;

        @Override
        int run(LocalStore store) {
            Messages m = common.messages();
            Optional<SyncState.Enrolled> enrolled = store.syncState().enrolment();
            Optional<Preconfiguration.Setting> address = enrolled.map(e ->
                    Preconfiguration.of(common.dataFolder()).syncServer(server, e.serverUrl()));
            out().println(m.text("cli.status.server", address.map(Preconfiguration.Setting::value).orElse(m.text("cli.status.notEnrolled"))));
            if (address.isPresent() && !address.get().value().equals(enrolled.get().serverUrl())) {
                out().println(m.text("cli.status.enrolledWith", enrolled.get().serverUrl()));
            }
            enrolled.ifPresent(e -> out().println(m.text("cli.status.device", e.deviceId())));
            out().println(m.text("cli.status.lastSync", store.syncState().lastSync().map(WHEN::format).orElse(m.text("cli.status.never"))));
            out().println(m.text("cli.status.waiting", store.outbox().waiting()));
            out().println(m.text("cli.status.conflicts", store.conflictRecords().conflicts().size()));
            out().println(m.text("cli.status.refused", store.outbox().refusals().size()));
            out().println(m.text("cli.status.cursor", store.pulledPages().cursor()));
            out().println(m.text("cli.status.residents", store.sealedRecords().residents().size()));
            return 0;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Exporteer de lokale gegevens als JSON (naar een bestand of standaarduitvoer).")
    public static final class Export extends Unlocked {
        @Option(names = "--out", description = "Bestand om naar te schrijven (standaard: standaarduitvoer).")
        Path out;

        @Override
        int run(LocalStore store) throws IOException {
            ObjectMapper json = Json.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT);
            ObjectNode root = json.createObjectNode();
            root.set("coach", json.valueToTree(store.referenceTable().coach()));
            Map<UUID, ResidentRecords> records = store.sealedRecords().records();
            ArrayNode residents = root.putArray("residents");
            for (Resident resident : store.sealedRecords().residents()) {
                ObjectNode entry = residents.addObject();
                entry.set("resident", json.valueToTree(resident));
                entry.set("records", json.valueToTree(records.getOrDefault(resident.id(), ResidentRecords.NONE)));
            }
            root.set("conflicts", json.valueToTree(store.conflictRecords().conflicts()));
            root.put("waiting_changes", store.outbox().waiting());
            byte[] bytes = json.writeValueAsBytes(root);
            if (out == null) {
                System.out.write(bytes);
                System.out.println();
                System.out.flush();
            } else {
                OwnerOnly.file(out); // residents' data: for the user only, like the database
                Files.write(out, bytes);
                err().println(common.messages().text("cli.exported", out));
            }
            return 0;
        }
    }

    @Command(name = "add-conversation", mixinStandardHelpOptions = true,
            description = {"Voeg een gesprek toe uit een JSON-bestand en rond het af zoals het gespreksformulier doet: "
                    + "{\"conversation\": {...}, \"agreements\": [...], \"referrals\": [...]} in de JSON van het "
                    + "sync-contract (zoals export die schrijft). \"status\" van het gesprek is \"draft\" (of weggelaten); "
                    + "\"finalised\" mag ook. agreements en referrals mogen ontbreken.",
                    "Het gesprek komt in de outbox en gaat bij de volgende sync naar de server."})
    public static final class AddConversation extends Unlocked {
        @Parameters(index = "0", description = "Het JSON-bestand.")
        Path file;

        @Override
        int run(LocalStore store) {
            Messages m = common.messages();
            ConversationDraft draft;
            try {
                draft = ConversationFile.read(file);
            } catch (ConversationFile.Problem problem) {
                err().println(m.text(problem.key(), problem.arguments(file)));
                return FAILED;
            }
            Conversation conversation = draft.conversation();
            Optional<Resident> resident = store.sealedRecords().residents().stream()
                    .filter(r -> r.id().equals(conversation.residentId())).findFirst();
            if (resident.isEmpty()) {
                err().println(m.text("cli.unknownResident"));
                return FAILED;
            }
            Optional<Conversations.FinaliseProblem> cannot = Conversations.finaliseProblem(conversation,
                    java.time.LocalDate.now(ZoneId.of("Europe/Amsterdam")));
            if (cannot.isPresent()) {
                err().println(m.text(switch (cannot.get()) {
                    case MISSING_DATE_OR_PLACE -> "conversation.missingDateOrPlace";
                    case DATE_IN_FUTURE -> "conversation.dateInFuture";
                }));
                return FAILED;
            }
            boolean known = store.sealedRecords().records().getOrDefault(conversation.residentId(), ResidentRecords.NONE)
                    .conversations().stream().anyMatch(c -> c.id().equals(conversation.id()));
            if (known) {
                err().println(m.text("cli.conversationExists", conversation.id()));
                return FAILED;
            }
            Conversation finalised = Conversations.finalise(conversation);
            store.recordWriter().finalise(draft, finalised, Conversations.applyTo(resident.get(), finalised));
            out().println(m.text("cli.conversationAdded", finalised.id(), store.outbox().waiting()));
            return 0;
        }
    }
}
