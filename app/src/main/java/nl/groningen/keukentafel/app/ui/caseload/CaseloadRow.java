package nl.groningen.keukentafel.app.ui.caseload;

import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;
import nl.groningen.keukentafel.app.domain.Due;

/**
 * One line of the caseload list, in the words the coach reads. Equality is written out: the table
 * compares rows as it fills its cells, and a record's generated equality costs tens of
 * milliseconds to set up the first time, in the middle of showing the caseload.
 */
public record CaseloadRow(
        UUID residentId,
        String name,
        String address,
        String postcode,
        String wijk,
        String clientNumber,
        String outreachStatus,
        LocalDate nextContactDue,
        Due due) {

    @Override
    public boolean equals(Object other) {
        return other instanceof CaseloadRow row && due == row.due && residentId.equals(row.residentId)
                && Objects.equals(name, row.name) && Objects.equals(address, row.address)
                && Objects.equals(postcode, row.postcode) && Objects.equals(wijk, row.wijk)
                && Objects.equals(clientNumber, row.clientNumber) && Objects.equals(outreachStatus, row.outreachStatus)
                && Objects.equals(nextContactDue, row.nextContactDue);
    }

    @Override
    public int hashCode() {
        return residentId.hashCode();
    }
}
