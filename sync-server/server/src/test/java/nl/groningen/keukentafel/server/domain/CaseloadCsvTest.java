package nl.groningen.keukentafel.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.UUID;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

/** Reading a caseload file as the office's Excel writes it, and naming every wrong value by its line. */
class CaseloadCsvTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String HEADER = "client_number,first_name,last_name,street,house_number,postcode,city,wijk,date_of_birth,"
            + "phone,known_at_wij,specialist_team,coach\n";

    @Test
    void aGoodRowBecomesANewResidentToSchedule() {
        CaseloadCsv.Parsed parsed = read(HEADER + "KT1,Anna,Oefensma,Proefstraat,12a,9712ab,Groningen,Centrum,1980-03-04,"
                + "06 1234 5678,nee,ja,sanne\n");

        assertThat(parsed.problems()).isEmpty();
        CaseloadRow row = parsed.rows().get(0);
        Resident resident = row.newResident(UUID.randomUUID(), null);
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.coach()).isEqualTo("sanne");
        assertThat(resident.postcode()).isEqualTo("9712 AB");
        assertThat(resident.dateOfBirth()).isEqualTo(LocalDate.of(1980, 3, 4));
        assertThat(resident.specialistTeam()).isTrue();
        assertThat(resident.outreachStatus()).isEqualTo(OutreachStatus.TO_SCHEDULE);
        assertThat(resident.contactTermMonths()).isEqualTo(CaseloadRow.DEFAULT_CONTACT_TERM_MONTHS);
    }

    @Test
    void dutchExcelsSemicolonsBomAndDayFirstDatesAreRead() {
        CaseloadCsv.Parsed parsed = read("\uFEFF" + HEADER.replace(',', ';') + "KT1;Jan;Vries;Dorpsweg;3;9723 CD;;Oost;4-3-1980;;Ja;;\n");

        assertThat(parsed.problems()).isEmpty();
        assertThat(parsed.rows().get(0).dateOfBirth()).isEqualTo(LocalDate.of(1980, 3, 4));
        assertThat(parsed.rows().get(0).knownAtWij()).isTrue();
        assertThat(parsed.rows().get(0).newResident(UUID.randomUUID(), null).outreachStatus())
                .isEqualTo(OutreachStatus.KNOWN_AT_WIJ);
    }

    @Test
    void everyWrongValueIsNamedWithTheLineItIsOnEvenAfterBlankLinesAndLineBreaksInQuotes() {
        CaseloadCsv.Parsed parsed = read(HEADER
                + "KT1,Anna,Oefensma,\"Proef\nstraat\",12,9712 AB,,Centrum,,,,,\n"       // lines 2-3
                + "\n"                                                                 // line 4
                + "KT2,Piet,Puk,Laan,7,97AB,,Zuid,31-02-1980,,misschien,,\n"            // line 5
                + "KT3,,Smit,Laan,x,9712 AB,,Zuid,,,,,\n"                               // line 6
                + "KT1,Kees,Dubbel,Laan,8,9712 AB,,Zuid,,,,,\n");                       // line 7

        assertThat(parsed.problems()).extracting(Object::toString).containsExactly(
                "regel 5: postcode '97AB' is geen geldige postcode (zoals 9712 AB)",
                "regel 5: date_of_birth '31-02-1980' is geen datum (jjjj-mm-dd of dd-mm-jjjj)",
                "regel 5: known_at_wij 'misschien' is geen ja of nee",
                "regel 6: first_name is leeg",
                "regel 6: house_number 'x' is geen huisnummer (zoals 12, 12a of 12-2)",
                "regel 7: client_number 'KT1' staat ook op regel 2");
        assertThat(parsed.rows()).extracting(CaseloadRow::clientNumber).containsExactly("KT1");
    }

    @Test
    void aHeaderWithoutARequiredColumnOrWithAnUnknownOneIsRefusedAsAWhole() {
        CaseloadCsv.Parsed parsed = read("client_number,first_name,last_name,street,house_number,wijk,bsn\nKT1,A,B,C,1,D,123\n");

        assertThat(parsed.problems()).extracting(Object::toString).containsExactly(
                "regel 1: de kolom 'postcode' ontbreekt",
                "regel 1: de kolom 'bsn' is onbekend (bekend: client_number, first_name, last_name, street, house_number, postcode, "
                        + "wijk, surname_prefix, city, date_of_birth, phone, known_at_wij, specialist_team, coach, left_group_on)");
    }

    private static CaseloadCsv.Parsed read(String text) {
        return CaseloadCsv.read(new StringReader(text), TODAY);
    }
}
