package nl.groningen.keukentafel.app.ui;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.ResourceBundle;
import nl.groningen.keukentafel.contract.ReferenceItem;

/**
 * The UI's words, dates and numbers in the user's language: Dutch by default (messages.properties),
 * English beside it (messages_en.properties). Never falls back to the machine's locale.
 */
public final class Messages {

    public static final Locale DUTCH = Locale.forLanguageTag("nl-NL");
    private static final String BUNDLE = "nl.groningen.keukentafel.app.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final DateTimeFormatter dates;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale);
    }

    /** The messages for a language; anything but English is Dutch. */
    public static Messages forLocale(Locale requested) {
        Locale locale = "en".equals(requested.getLanguage()) ? Locale.UK : DUTCH;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    public Locale locale() {
        return locale;
    }

    /** The text for a key, with {0}-style arguments formatted for this language. */
    public String text(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** A date as this language writes it: 22-11-2026 in Dutch. */
    public String date(LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    /** A date written out: "zondag 22 november 2026". */
    public String longDate(LocalDate date) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    /** A number with one decimal, as this language writes it: 7,4 in Dutch. */
    public String decimal(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value);
    }

    /** A reference-data item's label in this language. */
    public String label(ReferenceItem item) {
        return "en".equals(locale.getLanguage()) ? item.labelEn() : item.labelNl();
    }

    /** A whole number with this language's grouping: 11.000 in Dutch. */
    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
