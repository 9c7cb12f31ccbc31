package nl.groningen.keukentafel.app.store;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Resident;

/**
 * Reads a resident's JSON the way the app writes it, with Jackson's streaming parser and no data
 * binding: at a cold start, binding 1,500 residents through {@link ObjectMapper} (building its
 * deserializer by reflection, then running it uncompiled) was most of the processor time the login
 * spends after the key derivation. Jackson stays the authority: this reader only takes the shape
 * {@code Json.mapper()} writes (every field once, strings, booleans, whole numbers, nulls, ISO dates,
 * the enums' JSON names) and hands anything else (an unknown or missing field, another token, a
 * duplicate) to the mapper, which reads it or rejects it as it always did.
 * {@code ResidentReaderTest} checks it against the mapper.
 */
final class ResidentReader {

    private static final int ALL_FIELDS = (1 << 18) - 1;
    private static final Map<String, Initiative> INITIATIVES = jsonNames(Initiative.class);
    private static final Map<String, OutreachStatus> STATUSES = jsonNames(OutreachStatus.class);

    /** Not the shape this reader takes: the mapper reads the record instead. No stack trace. */
    private static final class OtherShape extends Exception {
        private static final OtherShape INSTANCE = new OtherShape();

        private OtherShape() {
            super(null, null, false, false);
        }
    }

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    ResidentReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.factory = mapper.getFactory();
    }

    /** The resident in {@code json}: read here when it has the usual shape, by the mapper otherwise. */
    Resident read(byte[] json) throws IOException {
        Resident resident = readUsualShape(json);
        return resident != null ? resident : mapper.readValue(json, Resident.class);
    }

    /** The resident, or null when {@code json} is not in the shape the mapper writes (or not JSON at all). */
    Resident readUsualShape(byte[] json) {
        try (JsonParser parser = factory.createParser(json)) {
            return fields(parser);
        } catch (OtherShape | IOException | RuntimeException e) {
            return null;
        }
    }

    private static Resident fields(JsonParser parser) throws IOException, OtherShape {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw OtherShape.INSTANCE;
        }
        UUID id = null;
        UUID coachId = null;
        String clientNumber = null;
        String givenName = null;
        String surnamePrefix = null;
        String surname = null;
        String street = null;
        String houseNumber = null;
        String postcode = null;
        String wijk = null;
        LocalDate dateOfBirth = null;
        String phone = null;
        boolean knownAtWij = false;
        boolean specialistTeam = false;
        int contactTermMonths = 0;
        Initiative initiative = null;
        OutreachStatus outreachStatus = null;
        LocalDate nextContactDue = null;
        int seen = 0;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            int field = switch (name) {
                case "id" -> {
                    id = uuid(parser, value);
                    yield 0;
                }
                case "coach_id" -> {
                    coachId = uuid(parser, value);
                    yield 1;
                }
                case "client_number" -> {
                    clientNumber = text(parser, value);
                    yield 2;
                }
                case "given_name" -> {
                    givenName = text(parser, value);
                    yield 3;
                }
                case "surname_prefix" -> {
                    surnamePrefix = text(parser, value);
                    yield 4;
                }
                case "surname" -> {
                    surname = text(parser, value);
                    yield 5;
                }
                case "street" -> {
                    street = text(parser, value);
                    yield 6;
                }
                case "house_number" -> {
                    houseNumber = text(parser, value);
                    yield 7;
                }
                case "postcode" -> {
                    postcode = text(parser, value);
                    yield 8;
                }
                case "wijk" -> {
                    wijk = text(parser, value);
                    yield 9;
                }
                case "date_of_birth" -> {
                    dateOfBirth = date(parser, value);
                    yield 10;
                }
                case "phone" -> {
                    phone = text(parser, value);
                    yield 11;
                }
                case "known_at_wij" -> {
                    knownAtWij = bool(value);
                    yield 12;
                }
                case "specialist_team" -> {
                    specialistTeam = bool(value);
                    yield 13;
                }
                case "contact_term_months" -> {
                    contactTermMonths = whole(parser, value);
                    yield 14;
                }
                case "initiative" -> {
                    initiative = named(INITIATIVES, parser, value);
                    yield 15;
                }
                case "outreach_status" -> {
                    outreachStatus = named(STATUSES, parser, value);
                    yield 16;
                }
                case "next_contact_due" -> {
                    nextContactDue = date(parser, value);
                    yield 17;
                }
                default -> throw OtherShape.INSTANCE;
            };
            if ((seen & (1 << field)) != 0) {
                throw OtherShape.INSTANCE; // twice: the mapper decides
            }
            seen |= 1 << field;
        }
        // Every field, as the mapper writes them (nulls too): a missing one is the mapper's to judge.
        if (token != JsonToken.END_OBJECT || seen != ALL_FIELDS || parser.nextToken() != null) {
            throw OtherShape.INSTANCE;
        }
        return new Resident(id, coachId, clientNumber, givenName, surnamePrefix, surname, street, houseNumber, postcode,
                wijk, dateOfBirth, phone, knownAtWij, specialistTeam, contactTermMonths, initiative, outreachStatus,
                nextContactDue);
    }

    private static String text(JsonParser parser, JsonToken value) throws IOException, OtherShape {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw OtherShape.INSTANCE;
        }
        return parser.getText();
    }

    /** A UUID in its usual 36-character form (the mapper also takes other forms: those go to it). */
    private static UUID uuid(JsonParser parser, JsonToken value) throws IOException, OtherShape {
        return textAs(parser, value, ResidentReader::usualUuid);
    }

    private static UUID usualUuid(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            return null;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            if (c != '-' && Character.digit(c, 16) < 0) {
                return null;
            }
        }
        return UUID.fromString(text);
    }

    /** An ISO date, 2026-11-23, read as the mapper reads it (other forms go to the mapper). */
    private static LocalDate date(JsonParser parser, JsonToken value) throws IOException, OtherShape {
        return textAs(parser, value, Json::isoDate);
    }

    private static <E extends Enum<E>> E named(Map<String, E> names, JsonParser parser, JsonToken value)
            throws IOException, OtherShape {
        return textAs(parser, value, names::get);
    }

    /** Null for null; else what {@code read} makes of the text, which must be something. */
    private static <T> T textAs(JsonParser parser, JsonToken value, Function<String, T> read)
            throws IOException, OtherShape {
        String text = text(parser, value);
        if (text == null) {
            return null;
        }
        T result = read.apply(text);
        if (result == null) {
            throw OtherShape.INSTANCE;
        }
        return result;
    }

    private static boolean bool(JsonToken value) throws OtherShape {
        if (value == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (value == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw OtherShape.INSTANCE;
    }

    private static int whole(JsonParser parser, JsonToken value) throws IOException, OtherShape {
        if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            throw OtherShape.INSTANCE;
        }
        return parser.getIntValue();
    }

    /** Each constant by the name the mapper writes for it: its {@code @JsonProperty}, else its own name. */
    private static <E extends Enum<E>> Map<String, E> jsonNames(Class<E> type) {
        Map<String, E> names = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            try {
                JsonProperty property = type.getField(constant.name()).getAnnotation(JsonProperty.class);
                names.put(property != null && !property.value().isEmpty() ? property.value() : constant.name(), constant);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.copyOf(names);
    }
}
