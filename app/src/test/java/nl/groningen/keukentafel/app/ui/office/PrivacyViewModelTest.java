package nl.groningen.keukentafel.app.ui.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import nl.groningen.keukentafel.app.office.OfficeClient;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.SameThreadTasks;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.office.ErasureReason;
import nl.groningen.keukentafel.contract.office.ErasureSummary;
import nl.groningen.keukentafel.contract.office.ResidentSummary;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.server.domain.Enrolment;
import nl.groningen.keukentafel.server.domain.Role;
import nl.groningen.keukentafel.server.domain.StoreKind;
import nl.groningen.keukentafel.server.http.SyncServer;
import nl.groningen.keukentafel.server.storage.ServerStore;
import nl.groningen.keukentafel.server.storage.TestStores;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Inzage en wissen screen's model against a real server: what it asks before an erasure, and
 * that every refusal (not an admin, unknown, erased before, the server gone, a disk that will not
 * take the file) is one Dutch sentence and nothing else.
 */
@ExtendWith(TestStores.class)
class PrivacyViewModelTest {

    /** Where the test's inzage files go; removed after the test. */
    @org.junit.jupiter.api.io.TempDir
    Path exports;

    private static final String PASSWORD = "wachtwoord-van-kantoor";
    private final Clock clock = Clock.system(ZoneId.of("Europe/Amsterdam"));
    private final Messages messages = Messages.forLocale(Locale.forLanguageTag("nl"));
    private ServerStore store;
    private SyncServer server;
    private Dataset demo;

    @BeforeEach
    void start(TestStores stores) {
        demo = DemoProfile.dataset(clock);
        store = ServerStore.open(stores.fresh(StoreKind.SQLITE));
        store.importDataset(demo);
        server = new SyncServer(store, Clock.systemUTC()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        store.close();
    }

    @Test
    void anErasureNeedsAReasonTheAdminMayGiveAndAReferenceLikeACaseNumber() throws Exception {
        PrivacyViewModel model = model("beheer", Role.ADMIN, "admin");
        assertThat(model.problem(null, "")).isEqualTo("Kies een reden.");
        assertThat(model.problem(ErasureReason.RETENTION, "")).as("the server's own job's").isEqualTo("Kies een reden.");
        assertThat(model.problem(ErasureReason.REQUEST, "x".repeat(65))).isEqualTo("Het kenmerk is te lang: hoogstens 64 tekens.");
        assertThat(model.problem(ErasureReason.REQUEST, "AVG\nverhaal")).startsWith("Een kenmerk bestaat uit letters, cijfers");
        assertThat(model.problem(ErasureReason.REQUEST, "  ")).isNull();
        assertThat(model.problem(ErasureReason.WRONGLY_REGISTERED, "ZK-2026/0142")).isNull();
        assertThat(model.reasonLabel(ErasureReason.REQUEST)).isEqualTo("Op verzoek van de inwoner (AVG art. 17)");
        assertThat(model.reasonLabel(ErasureReason.WRONGLY_REGISTERED)).isEqualTo("Ten onrechte geregistreerd");

        ResidentSummary resident = new ResidentSummary(UUID.randomUUID(), "KT0000001", "Anna de Proef", "Centrum", null, null);
        List<String> lines = model.summaryLines(new ErasureSummary(resident,
                Map.of("referral", 1, "conversation", 4, "contact_attempt", 2, "something_new", 3), List.of("laptop-a", "laptop-b")));
        assertThat(lines).containsExactly("Gesprekken: 4", "Contactpogingen: 2", "Verwijzingen: 1", "Overige gegevens (something_new): 3",
                "Deze laptops hebben de inwoner en wissen die bij hun volgende synchronisatie: laptop-a, laptop-b.");
        assertThat(model.summaryLines(new ErasureSummary(resident, Map.of(), List.of())))
                .containsExactly("Geen gegevens behalve de inwoner zelf.", "Geen laptop heeft deze inwoner.");
    }

    @Test
    void aResidentErasedTwiceIsToldAsAlreadyErasedAndTheTrailSaysErased() throws Exception {
        PrivacyViewModel model = model("beheer", Role.ADMIN, "admin");
        Resident resident = demo.residents().get(0);
        ResidentSummary found = find(model, resident);
        AtomicReference<ErasureSummary> summary = new AtomicReference<>();
        model.erasureSummary(summary::set);
        assertThat(summary.get()).isNotNull();
        assertThat(model.question(summary.get())).startsWith(found.name() + " (" + resident.clientNumber() + ") definitief wissen");

        model.erase(summary.get(), ErasureReason.REQUEST, "AVG-2026-0142");
        assertThat(model.messageProperty().get()).startsWith(found.name() + " is gewist: ");
        assertThat(model.erasedProperty().get()).isTrue();
        assertThat(model.canEraseProperty().get()).isFalse();
        assertThat(model.entries().get(0).action()).isEqualTo(nl.groningen.keukentafel.contract.office.AuditAction.ERASED);

        model.erase(summary.get(), ErasureReason.REQUEST, "AVG-2026-0142");
        assertThat(model.messageProperty().get()).isEqualTo("Deze inwoner is al gewist. Er is niets veranderd; vernieuw het scherm (F5).");
        model.saveAccess(PrivacyViewModel.Format.JSON, exports.resolve("inzage.json"));
        assertThat(model.messageProperty().get()).isEqualTo("Deze inwoner is al gewist. Er is niets veranderd; vernieuw het scherm (F5).");
    }

    @Test
    void anOfficeUserIsToldOnlyAnAdminErasesAndAnUnknownResidentIsToldAsGone() throws Exception {
        // The screen hides Wissen… for an office user; should the server know better (a role just taken away), it refuses.
        PrivacyViewModel model = model("kantoor", Role.OFFICE, "admin");
        Resident resident = demo.residents().get(1);
        ResidentSummary found = find(model, resident);
        AtomicReference<ErasureSummary> summary = new AtomicReference<>();
        model.erasureSummary(summary::set);
        model.erase(summary.get(), ErasureReason.WRONGLY_REGISTERED, null);
        assertThat(model.messageProperty().get()).isEqualTo("Dit mag alleen een beheerder.");
        assertThat(store.officeResidents().search(resident.clientNumber(), null, null, 0, 10).total()).isEqualTo(1);

        model.choose(new ResidentSummary(UUID.randomUUID(), "KT0000000", "Niemand", null, null, null));
        model.saveAccess(PrivacyViewModel.Format.PDF, exports.resolve("inzage.pdf"));
        assertThat(model.messageProperty().get()).isEqualTo(messages.text("office.failure.notFound"));
        model.choose(found);
        assertThat(model.canSaveProperty().get()).isTrue();
    }

    @Test
    void theServerGoneAndADiskThatRefusesTheFileAreEachOneSentence() throws Exception {
        PrivacyViewModel model = model("kantoor", Role.OFFICE, "office");
        find(model, demo.residents().get(2));
        assertThat(model.canEraseProperty().get()).as("not an admin").isFalse();

        Path folder = exports;
        Path nowhere = folder.resolve("geen-map").resolve("inzage.json");
        model.saveAccess(PrivacyViewModel.Format.JSON, nowhere);
        assertThat(model.messageProperty().get()).startsWith("De inzage kon niet worden opgeslagen in " + nowhere.toAbsolutePath());
        assertThat(folder.toFile().list()).isEmpty();

        server.close();
        model.saveAccess(PrivacyViewModel.Format.JSON, folder.resolve("inzage.json"));
        assertThat(model.messageProperty().get()).startsWith("De server is niet bereikbaar.");
        assertThat(folder.toFile().list()).isEmpty();
    }

    /** Searches the resident's client number and chooses them; their trail is shown. */
    private static ResidentSummary find(PrivacyViewModel model, Resident resident) {
        model.queryProperty().set(resident.clientNumber());
        model.search();
        assertThat(model.residents()).hasSize(1);
        ResidentSummary found = model.residents().get(0);
        model.choose(found);
        assertThat(model.entries()).isNotEmpty();
        return found;
    }

    /** An office PC enrolled and logged in as {@code user} ({@code role} on the server), its session telling the screen {@code sessionRole}. */
    private PrivacyViewModel model(String user, Role role, String sessionRole) throws Exception {
        store.accounts().createUser(user, role, null, PASSWORD.toCharArray());
        String code = store.accounts().createEnrolmentCode(user, Duration.ofHours(1), Instant.now());
        Enrolment.Enrolled enrolled = (Enrolment.Enrolled) store.accounts().enrol(user, PASSWORD.toCharArray(), code, "kantoor-pc",
                Instant.now());
        OfficeClient client = new OfficeClient(new OkHttpClient(), "http://127.0.0.1:" + server.port(), enrolled.token());
        client.login(PASSWORD.toCharArray());
        return new PrivacyViewModel(new OfficeSession(client, user, sessionRole, messages, new SameThreadTasks(), clock));
    }
}
