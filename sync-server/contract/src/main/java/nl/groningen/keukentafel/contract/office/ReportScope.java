package nl.groningen.keukentafel.contract.office;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.UUID;

/**
 * Whose residents a report counts: the whole city, one area (the area of the resident's coach),
 * one wijk (the resident's wijk) or one coach's caseload. Residents are placed by where they are
 * now, not where they were during the period (the server keeps no history of moves of wijk).
 */
public record ReportScope(@JsonProperty("level") Level level, @JsonProperty("value") String value) {

    /** How wide a report looks. */
    public enum Level {
        @JsonProperty("city") CITY,
        @JsonProperty("area") AREA,
        @JsonProperty("wijk") WIJK,
        @JsonProperty("coach") COACH
    }

    public ReportScope {
        Objects.requireNonNull(level, "level");
        if (level == Level.CITY) {
            value = null;
        } else if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("A scope of " + level + " needs a value");
        } else {
            value = value.trim();
        }
    }

    public static ReportScope city() {
        return new ReportScope(Level.CITY, null);
    }

    public static ReportScope area(String area) {
        return new ReportScope(Level.AREA, area);
    }

    public static ReportScope wijk(String wijk) {
        return new ReportScope(Level.WIJK, wijk);
    }

    /** One coach's caseload; {@code coachId} is the coach's id. */
    public static ReportScope coach(UUID coachId) {
        return new ReportScope(Level.COACH, coachId.toString());
    }

    /**
     * Whether counts in this scope are about so few people that an export leaving the office shows
     * a count below {@link ReportFigures#SMALL_COUNT} as "&lt; 5": a wijk or a coach. Not on the wire: the
     * scope is its level and value.
     */
    @JsonIgnore
    public boolean isSmallArea() {
        return level == Level.WIJK || level == Level.COACH;
    }
}
