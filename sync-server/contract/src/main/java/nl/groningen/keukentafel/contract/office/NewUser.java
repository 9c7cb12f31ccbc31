package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.UUID;

/** A user to make: role coach (with the coach whose caseload they keep), office, or admin (by an admin only). */
public record NewUser(
        @JsonProperty("user_name") String userName,
        @JsonProperty("password") String password,
        @JsonProperty("role") String role,
        @JsonProperty("coach_id") UUID coachId) {

    @Override
    public String toString() {
        return "NewUser[" + userName + ", " + role + "]";
    }
}
