package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every key the code uses exists in the Dutch and the English bundle, and both have the same keys. */
class LocalizationConsistencyTest {

    private static final Pattern KEY_IN_CODE = Pattern.compile("\\.text\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");

    @Test
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(bundle("messages_en.properties").stringPropertyNames())
                .isEqualTo(bundle("messages.properties").stringPropertyNames());
    }

    /** A key given twice shows only its last text: a label would read like an error message, or the other way round. */
    @Test
    void noKeyIsGivenTwice() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Set<String> seen = new TreeSet<>();
            Set<String> twice = new TreeSet<>();
            try (InputStream in = Messages.class.getResourceAsStream(name)) {
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                for (String line : text.split("\\R")) {
                    String trimmed = line.strip();
                    int equals = trimmed.indexOf('=');
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0 || line.startsWith(" ")) {
                        continue;
                    }
                    String key = trimmed.substring(0, equals).strip();
                    if (!seen.add(key)) {
                        twice.add(key);
                    }
                }
            }
            assertThat(twice).as(name + ": keys given twice").isEmpty();
        }
    }

    @Test
    void everyKeyUsedInCodeExists() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String source : MainSources.read().values()) {
            Matcher matcher = KEY_IN_CODE.matcher(source);
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(bundle("messages.properties").stringPropertyNames()).containsAll(used);
        assertThat(bundle("messages_en.properties").stringPropertyNames()).containsAll(used);
    }

    @Test
    void textsWithArgumentsFormatWithoutLosingApostrophes() throws IOException {
        for (String name : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties bundle = bundle(name);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (pattern.contains("{0")) {
                    String formatted = new java.text.MessageFormat(pattern).format(new Object[] {1, 2, 3, 4, 5});
                    assertThat(formatted.chars().filter(c -> c == '\'').count())
                            .as(name + " " + key + ": write '' for an apostrophe in a text with arguments")
                            .isEqualTo(pattern.chars().filter(c -> c == '\'').count() / 2);
                }
            }
        }
    }

    @Test
    void everyOutreachStatusHasALabel() throws IOException {
        Properties dutch = bundle("messages.properties");
        for (var status : nl.groningen.keukentafel.contract.OutreachStatus.values()) {
            assertThat(dutch.getProperty("outreach." + status.name().toLowerCase(java.util.Locale.ROOT))).isNotBlank();
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream(name)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
