package nl.groningen.keukentafel.contract;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a date written the way the contract writes them ({@code 2026-11-22}) by its ten
 * characters, without a {@code DateTimeFormatter}; anything else (and a date that does not exist)
 * goes to Jackson's own reader, which also says what is wrong, as does a property with a pattern of
 * its own. Same results, a fraction of the work: the laptop reads tens of thousands of dates when it
 * unlocks, in a fresh JVM, where the formatter's parsing is slow until it is compiled.
 */
final class IsoDateDeserializer extends StdDeserializer<LocalDate> implements ContextualDeserializer {

    private static final long serialVersionUID = 1L;

    private final JsonDeserializer<?> standard;

    IsoDateDeserializer() {
        this(LocalDateDeserializer.INSTANCE);
    }

    private IsoDateDeserializer(JsonDeserializer<?> standard) {
        super(LocalDate.class);
        this.standard = standard;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property)
            throws JsonMappingException {
        JsonDeserializer<?> contextual = standard instanceof ContextualDeserializer c
                ? c.createContextual(context, property) : standard;
        JsonFormat.Value format = findFormatOverrides(context, property, LocalDate.class);
        return format != null && format.hasPattern() ? contextual : new IsoDateDeserializer(contextual);
    }

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            LocalDate date = parse(parser.getText());
            if (date != null) {
                return date;
            }
        }
        return (LocalDate) standard.deserialize(parser, context);
    }

    /** The date of a {@code yyyy-MM-dd} text, or null when the text is not one (or names no real date). */
    static LocalDate parse(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        if (year < 0 || month < 0 || day < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
