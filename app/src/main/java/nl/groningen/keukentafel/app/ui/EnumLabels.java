package nl.groningen.keukentafel.app.ui;

import java.util.Locale;

/** Bundle keys for the enums the screens show; one place so every screen names them alike. */
public final class EnumLabels {

    private EnumLabels() {
    }

    public static String of(Messages messages, String prefix, Enum<?> value) {
        return value == null ? "" : messages.text(prefix + "." + key(value));
    }

    private static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
