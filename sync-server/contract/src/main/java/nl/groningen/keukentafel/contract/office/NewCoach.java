package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A coach to add (POST {@link OfficeApi#COACHES}): their name and the area they keep a caseload in.
 * An area already known in another case is stored as it is known ("zuid" joins "Zuid").
 */
public record NewCoach(@JsonProperty("name") String name, @JsonProperty("area") String area) {

    /** The longest name, trimmed: a full Dutch name fits, a pasted paragraph does not. */
    public static final int MAX_NAME = 100;
    /** The longest area, trimmed. */
    public static final int MAX_AREA = 50;
}
