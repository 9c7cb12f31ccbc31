package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;

/** The one JSON mapping of the wire contract, shared by app and server. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule("iso-dates").addDeserializer(LocalDate.class, new IsoDateDeserializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private Json() {
    }

    /**
     * The date of a {@code yyyy-MM-dd} text as the mapper writes dates, or null when the text is not
     * one (or names no real date): what the mapper reads such a date as, for readers of their own.
     */
    public static LocalDate isoDate(String text) {
        return IsoDateDeserializer.parse(text);
    }

    /** The configured mapper; thread-safe and immutable in use. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
