package nl.groningen.keukentafel.server.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a caseload import file: CSV in UTF-8 with a header row, comma- or semicolon-separated (Dutch
 * Excel writes semicolons), and checks every row, collecting every problem with its line number
 * instead of stopping at the first. Messages are Dutch: the office reads them.
 */
public final class CaseloadCsv {

    /** The columns a file must have. */
    static final List<String> REQUIRED = List.of("client_number", "first_name", "last_name", "street", "house_number", "postcode",
            "wijk");
    /** The columns a file may have; city is read and not kept (the contract has no city: every resident lives in the municipality). */
    static final List<String> OPTIONAL = List.of("surname_prefix", "city", "date_of_birth", "phone", "known_at_wij",
            "specialist_team", "coach", "left_group_on");

    private static final Pattern CLIENT_NUMBER = Pattern.compile("[A-Za-z0-9-]{1,32}");
    private static final Pattern POSTCODE = Pattern.compile("([1-9][0-9]{3}) ?([A-Za-z]{2})");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("[1-9][0-9]{0,4}( ?[A-Za-z0-9-]{1,6})?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]{6,20}");
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DUTCH = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);

    /** The checked rows and every problem found; rows with a problem are left out. */
    public record Parsed(List<CaseloadRow> rows, List<CaseloadProblem> problems) {
    }

    private CaseloadCsv() {
    }

    /**
     * @param reader the file, decoding UTF-8 strictly (a file in another encoding is a problem, not garbled names)
     * @param today  for checking dates of birth
     */
    public static Parsed read(Reader reader, LocalDate today) {
        List<CaseloadRow> rows = new ArrayList<>();
        List<CaseloadProblem> problems = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            in.mark(64 * 1024);
            String header = in.readLine();
            if (header == null || header.isBlank()) {
                return new Parsed(rows, List.of(new CaseloadProblem(0, "het bestand is leeg; de eerste regel moet de kolomnamen hebben")));
            }
            in.reset();
            if (header.startsWith("\uFEFF")) {
                in.skip(1);
            }
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(count(header, ';') > count(header, ',') ? ';' : ',')
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .setIgnoreEmptyLines(true)
                    .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                    .build();
            CSVParser parser;
            try {
                parser = CSVParser.parse(in, format);
            } catch (IllegalArgumentException e) {
                return new Parsed(rows, List.of(new CaseloadProblem(1, "de kopregel heeft een kolomnaam dubbel of leeg")));
            }
            try (parser) {
                Set<String> columns = new LinkedHashSet<>();
                for (String name : parser.getHeaderNames()) {
                    columns.add(name.trim().toLowerCase(Locale.ROOT));
                }
                headerProblems(columns, problems);
                if (!problems.isEmpty()) {
                    return new Parsed(rows, problems);
                }
                Map<String, Integer> firstLineOf = new HashMap<>();
                Iterator<CSVRecord> records = parser.iterator();
                while (true) {
                    long before = parser.getCurrentLineNumber();
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException | IllegalStateException e) {
                        if (e.getCause() instanceof CharacterCodingException coding) {
                            throw coding;
                        }
                        problems.add(new CaseloadProblem((int) before + 1, "dit is geen geldige CSV meer (een aanhalingsteken "
                                + "dat niet gesloten wordt?); de rest van het bestand is niet gelezen"));
                        break;
                    }
                    int line = startLine(record, before);
                    CaseloadRow row = row(record, line, today, problems);
                    if (row == null) {
                        continue;
                    }
                    Integer earlier = firstLineOf.putIfAbsent(row.clientNumber().toUpperCase(Locale.ROOT), line);
                    if (earlier != null) {
                        problems.add(new CaseloadProblem(line, "client_number", "client_number '" + row.clientNumber() + "' staat ook op regel " + earlier));
                    } else {
                        rows.add(row);
                    }
                }
            }
        } catch (CharacterCodingException e) {
            return new Parsed(List.of(), List.of(new CaseloadProblem(0,
                    "het bestand is geen UTF-8; sla het in Excel op als 'CSV UTF-8 (door komma's gescheiden)'")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new CaseloadProblem(0, "het bestand heeft kolomnamen maar geen cliënten"));
        }
        return new Parsed(rows, problems);
    }

    private static void headerProblems(Set<String> columns, List<CaseloadProblem> problems) {
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                problems.add(new CaseloadProblem(1, required, "de kolom '" + required + "' ontbreekt"));
            }
        }
        for (String column : columns) {
            if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                problems.add(new CaseloadProblem(1, column, "de kolom '" + column + "' is onbekend (bekend: "
                        + String.join(", ", REQUIRED) + ", " + String.join(", ", OPTIONAL) + ")"));
            }
        }
    }

    /** The row, checked; null (with the problems added) when any value is wrong. */
    private static CaseloadRow row(CSVRecord record, int line, LocalDate today, List<CaseloadProblem> problems) {
        if (!record.isConsistent()) {
            problems.add(new CaseloadProblem(line, "deze regel heeft " + record.size() + " waarden, de kopregel "
                    + record.getParser().getHeaderNames().size() + " kolommen"));
            return null;
        }
        int before = problems.size();
        Map<String, String> values = new HashMap<>();
        record.toMap().forEach((name, value) -> values.put(name.trim().toLowerCase(Locale.ROOT), value == null ? "" : value.trim()));
        String clientNumber = required(values, "client_number", line, problems);
        if (clientNumber != null && !CLIENT_NUMBER.matcher(clientNumber).matches()) {
            problems.add(new CaseloadProblem(line, "client_number", "client_number '" + clientNumber
                    + "' mag alleen letters, cijfers en streepjes hebben, hoogstens 32"));
        }
        String givenName = required(values, "first_name", line, problems);
        String surname = required(values, "last_name", line, problems);
        String street = required(values, "street", line, problems);
        String houseNumber = required(values, "house_number", line, problems);
        if (houseNumber != null && !HOUSE_NUMBER.matcher(houseNumber).matches()) {
            problems.add(new CaseloadProblem(line, "house_number", "house_number '" + houseNumber + "' is geen huisnummer (zoals 12, 12a of 12-2)"));
        }
        String postcode = required(values, "postcode", line, problems);
        if (postcode != null) {
            var match = POSTCODE.matcher(postcode);
            if (match.matches()) {
                postcode = match.group(1) + " " + match.group(2).toUpperCase(Locale.ROOT);
            } else {
                problems.add(new CaseloadProblem(line, "postcode", "postcode '" + postcode + "' is geen geldige postcode (zoals 9712 AB)"));
            }
        }
        String wijk = required(values, "wijk", line, problems);
        LocalDate born = date(values.getOrDefault("date_of_birth", ""), "date_of_birth", line, problems);
        if (born != null && (born.isAfter(today) || born.isBefore(today.minusYears(120)))) {
            problems.add(new CaseloadProblem(line, "date_of_birth", "date_of_birth '" + values.get("date_of_birth") + "' kan geen geboortedatum zijn"));
        }
        LocalDate left = date(values.getOrDefault("left_group_on", ""), "left_group_on", line, problems);
        if (left != null && left.isAfter(today)) {
            problems.add(new CaseloadProblem(line, "left_group_on", "left_group_on '" + values.get("left_group_on")
                    + "' ligt in de toekomst: vul de datum in waarop de bewoner uit de groep ging"));
        }
        String phone = optional(values, "phone");
        if (phone != null && (!PHONE.matcher(phone).matches() || phone.chars().filter(Character::isDigit).count() < 6)) {
            problems.add(new CaseloadProblem(line, "phone", "phone '" + phone + "' is geen telefoonnummer"));
        }
        boolean knownAtWij = yesNo(values, "known_at_wij", line, problems);
        boolean specialistTeam = yesNo(values, "specialist_team", line, problems);
        if (problems.size() > before) {
            return null;
        }
        return new CaseloadRow(line, clientNumber, givenName, optional(values, "surname_prefix"), surname, street, houseNumber,
                postcode, wijk, born, phone, knownAtWij, specialistTeam, optional(values, "coach"), left);
    }

    private static String required(Map<String, String> values, String column, int line, List<CaseloadProblem> problems) {
        String value = optional(values, column);
        if (value == null) {
            problems.add(new CaseloadProblem(line, column, column + " is leeg"));
        }
        return value;
    }

    private static String optional(Map<String, String> values, String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value;
    }

    /** A date in the column, as jjjj-mm-dd or dd-mm-jjjj; null when empty or (with a problem added) not a date. */
    private static LocalDate date(String text, String column, int line, List<CaseloadProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return text.length() == 10 && text.charAt(4) == '-' ? LocalDate.parse(text, ISO) : LocalDate.parse(text, DUTCH);
        } catch (DateTimeParseException e) {
            problems.add(new CaseloadProblem(line, column, column + " '" + text + "' is geen datum (jjjj-mm-dd of dd-mm-jjjj)"));
            return null;
        }
    }

    private static boolean yesNo(Map<String, String> values, String column, int line, List<CaseloadProblem> problems) {
        String value = values.getOrDefault(column, "").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "ja", "j" -> true;
            case "nee", "n", "" -> false;
            default -> {
                problems.add(new CaseloadProblem(line, column, column + " '" + values.get(column) + "' is geen ja of nee"));
                yield false;
            }
        };
    }

    /**
     * The line a record starts on. The parser counts line ends it has read: before this record it
     * had read {@code before}; blank lines it skipped lie between. A record is one line unless a
     * quoted value holds a line break, so its first line is its last minus its own breaks.
     */
    private static int startLine(CSVRecord record, long before) {
        long end = record.getParser().getCurrentLineNumber();
        long breaks = 0;
        for (String value : record) {
            breaks += value.chars().filter(c -> c == '\n').count();
        }
        return (int) Math.max(before + 1, end - breaks);
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }
}
