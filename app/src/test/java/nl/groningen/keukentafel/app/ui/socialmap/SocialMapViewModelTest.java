package nl.groningen.keukentafel.app.ui.socialmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import nl.groningen.keukentafel.app.ui.TestSession;
import nl.groningen.keukentafel.contract.SocialMapEntry;
import org.junit.jupiter.api.Test;

/** The sociale kaart without a toolkit: typing narrows it, a wijk narrows it further, city-wide entries say so. */
class SocialMapViewModelTest {

    private final TestSession test = new TestSession();
    private final SocialMapViewModel model = new SocialMapViewModel(test.session());
    private final int all = TestSession.demo().socialMap().size();

    @Test
    void typingNarrowsTheSocialeKaart() {
        assertThat(model.entries()).hasSize(all);

        model.searchProperty().set("repair");

        assertThat(model.entries()).isNotEmpty().hasSizeLessThan(all)
                .allMatch(e -> String.join(" ", e.name(), e.description(), e.address(), e.wijk(), e.when())
                        .toLowerCase(Locale.ROOT).contains("repair"));
        assertThat(model.entries()).extracting(SocialMapEntry::name).anyMatch(n -> n.startsWith("Repair Café"));
    }

    @Test
    void aWijkShowsItsOwnEntriesAndTheCityWideOnes() {
        String wijk = model.wijken().get(0);

        model.wijkProperty().set(wijk);

        assertThat(model.entries()).isNotEmpty().hasSizeLessThan(all)
                .allMatch(e -> e.wijk().equals(wijk) || e.wijk().isBlank());
    }

    @Test
    void anEntryForTheWholeCitySaysSo() {
        SocialMapEntry cityWide = TestSession.demo().socialMap().stream().filter(e -> e.wijk().isBlank()).findFirst().orElseThrow();

        assertThat(model.describe(cityWide)).startsWith(cityWide.name() + " – hele stad");
    }

    @Test
    void anEntryShowsItsAddressOpeningHoursPhoneAndWebsite() {
        SocialMapEntry wij = TestSession.demo().socialMap().stream().filter(e -> e.name().startsWith("WIJ-team")).findFirst()
                .orElseThrow();

        assertThat(model.contactDetails(wij)).containsExactly("Adres: " + wij.address(), "Open: werkdagen 9:00-17:00",
                "Telefoon: " + wij.phone(), "Website: " + wij.website());
        assertThat(wij.phone()).startsWith("050 - 555 ");
        assertThat(wij.website()).endsWith(".voorbeeld.example");
    }

    @Test
    void anEntryFromBeforePhoneAndWebsiteExistedShowsWhatItHas() {
        SocialMapEntry old = new SocialMapEntry(java.util.UUID.randomUUID(), "Kookclub Selwerd", "activity", "Selwerd",
                "Samen koken.", "Kastanjelaan 3", "vrijdag 17:00", null, null, null);

        assertThat(model.contactDetails(old)).containsExactly("Adres: Kastanjelaan 3", "Open: vrijdag 17:00");
    }
}
