package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The office user's password, to open a session on the office PC's enrolled device. */
public record OfficeLogin(@JsonProperty("password") String password) {

    @Override
    public String toString() {
        return "OfficeLogin[***]";
    }
}
