package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadRow;
import nl.groningen.keukentafel.app.ui.caseload.CaseloadViewModel;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Test;

class CaseloadViewModelTest {

    private final List<Resident> residents =
            new DemoDataGenerator(1, LocalDate.of(2026, 11, 22)).generate(DatasetSize.DEMO).residents();

    @Test
    void showsEveryResidentSortedWithADutchCount() {
        CaseloadViewModel model = new CaseloadViewModel(() -> residents, new SameThreadTasks(), Messages.forLocale(Messages.DUTCH));

        model.load();

        assertThat(model.rows()).hasSize(residents.size());
        assertThat(model.rows()).extracting(CaseloadRow::name).isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
        assertThat(model.countProperty().get()).isEqualTo("150 inwoners");
        assertThat(model.rows()).extracting(CaseloadRow::outreachStatus).contains("Gesproken", "Nog in te plannen");
    }

    @Test
    void speaksEnglishWhenAskedTo() {
        CaseloadViewModel model = new CaseloadViewModel(() -> residents.subList(0, 1), new SameThreadTasks(),
                Messages.forLocale(Locale.ENGLISH));

        model.load();

        assertThat(model.countProperty().get()).isEqualTo("1 resident");
    }

    @Test
    void aStoreThatCannotBeReadGivesAClearMessageAndKeepsTheRows() {
        boolean[] fail = {false};
        CaseloadViewModel model = new CaseloadViewModel(() -> {
            if (fail[0]) {
                throw new IllegalStateException("disk gone");
            }
            return residents;
        }, new SameThreadTasks(), Messages.forLocale(Messages.DUTCH));
        model.load();
        fail[0] = true;

        model.load();

        assertThat(model.problemProperty().get()).startsWith("De caseload kon niet worden gelezen.");
        assertThat(model.rows()).hasSize(150);
    }
}
