package nl.groningen.keukentafel.server;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The operator's config file: Java properties ({@code key = value}, {@code #} comments), UTF-8.
 * Knows the line each key is on, so an error names it; an unknown key is an error (a typo would
 * otherwise be silently ignored and the default used).
 */
final class ConfigFile {

    private final Path path;
    private final Map<ConfigKey, String> values;
    private final Map<ConfigKey, Integer> lines;

    private ConfigFile(Path path, Map<ConfigKey, String> values, Map<ConfigKey, Integer> lines) {
        this.path = path;
        this.values = values;
        this.lines = lines;
    }

    static ConfigFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new ConfigException("Het instellingenbestand " + path + " is geen UTF-8-tekst.");
        } catch (IOException e) {
            throw new ConfigException("Het instellingenbestand " + path + (e instanceof java.nio.file.NoSuchFileException
                    ? " bestaat niet." : e instanceof java.nio.file.AccessDeniedException
                    ? " mag deze gebruiker niet lezen." : " kan niet gelezen worden."));
        }
        Properties properties = new Properties();
        try (Reader reader = new StringReader(text)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException("Het instellingenbestand " + path + " is geen geldig properties-bestand (kijk naar \\u-tekens).");
        }
        Map<String, Integer> keyLines = keyLines(text);
        Map<ConfigKey, String> values = new EnumMap<>(ConfigKey.class);
        Map<ConfigKey, Integer> lines = new EnumMap<>(ConfigKey.class);
        for (String name : properties.stringPropertyNames()) {
            int line = keyLines.getOrDefault(name, 0);
            ConfigKey key = ConfigKey.ofKey(name).orElseThrow(() -> new ConfigException(where(path, line)
                    + ": onbekende sleutel '" + name + "'. Bekende sleutels: " + Arrays.stream(ConfigKey.values()).map(ConfigKey::key)
                    .collect(Collectors.joining(", ")) + "."));
            values.put(key, properties.getProperty(name).trim());
            lines.put(key, line);
        }
        return new ConfigFile(path, values, lines);
    }

    String value(ConfigKey key) {
        return values.get(key);
    }

    /** Where a key is set, for an error message: "server.properties line 4". */
    String origin(ConfigKey key) {
        return where(path, lines.getOrDefault(key, 0));
    }

    private static String where(Path path, int line) {
        return "instellingenbestand " + path + (line > 0 ? " regel " + line : "");
    }

    /**
     * The line on which each key starts. Properties does the parsing; this only finds the lines
     * again, for keys written plainly (which is every key we know).
     */
    private static Map<String, Integer> keyLines(String text) {
        Map<String, Integer> lines = new HashMap<>();
        List<String> all = text.lines().toList();
        boolean continued = false;
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i).stripLeading();
            boolean startsKey = !continued && !line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != '!';
            if (startsKey) {
                int end = 0;
                while (end < line.length() && "=: \t\f".indexOf(line.charAt(end)) < 0) {
                    end++;
                }
                lines.put(line.substring(0, end), i + 1);
            }
            continued = endsWithOddBackslashes(all.get(i)) && (continued || startsKey);
        }
        return lines;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int count = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            count++;
        }
        return count % 2 == 1;
    }
}
