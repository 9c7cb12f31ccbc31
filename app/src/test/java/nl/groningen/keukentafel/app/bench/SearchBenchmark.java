package nl.groningen.keukentafel.app.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.app.domain.CaseloadFilter;
import nl.groningen.keukentafel.app.domain.CaseloadOrder;
import nl.groningen.keukentafel.app.domain.CaseloadSearch;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Search as you type over the whole city (11,000 residents in one caseload): a coach types real
 * surnames, full names, street names, postcodes and client numbers from the dataset one character
 * at a time, and every keystroke runs {@code Caseload.find} with the text typed so far (the screen
 * does exactly this on each change of the search field). {@code app.search_p95_ms}: the 95th
 * percentile over all keystrokes of three timed rounds, after two rounds of warm-up;
 * {@code app.search_index_ms}: the median time of the first find after a change to a resident,
 * which rebuilds the search index (with a text that matches nobody, so the time is the build).
 */
@Tag("bench")
class SearchBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final int WARM_UP_ROUNDS = 2;
    private static final int TIMED_ROUNDS = 3;
    private static final int INDEX_BUILDS = 11;

    @Test
    void searchAsYouTypeOverTheCity() {
        Dataset city = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.CITY);
        List<Resident> residents = city.residents();
        Caseload caseload = new Caseload(residents, Map.of());

        List<Typed> words = wordsACoachTypes(residents);
        List<String> keystrokes = new ArrayList<>();
        for (Typed typed : words) {
            for (int i = 1; i <= typed.text().length(); i++) {
                keystrokes.add(typed.text().substring(0, i));
            }
        }

        // The first find builds the index; after that each find is what a keystroke costs.
        caseload.find(CaseloadFilter.text(""), TODAY);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            typeAll(caseload, words, null);
        }
        double[] millis = new double[keystrokes.size() * TIMED_ROUNDS];
        for (int round = 0; round < TIMED_ROUNDS; round++) {
            typeAll(caseload, words, new Sink(millis, round * keystrokes.size()));
        }

        double[] index = new double[INDEX_BUILDS];
        for (int i = 0; i < INDEX_BUILDS; i++) {
            Resident changed = residents.get(i * 997 % residents.size());
            caseload.put(changed);
            long start = System.nanoTime();
            List<Resident> none = caseload.find(CaseloadFilter.text("xq#nobody#qx"), TODAY);
            index[i] = (System.nanoTime() - start) / 1e6;
            if (!none.isEmpty()) {
                throw new AssertionError("A text nobody has found " + none.size() + " residents");
            }
        }

        printWhereTheTimeGoes(residents, keystrokes);
        System.out.println("# app.search: " + keystrokes.size() + " keystrokes per round (" + words.size()
                + " words), " + TIMED_ROUNDS + " rounds; median " + Figures.format(Figures.median(millis))
                + " ms, p99 " + Figures.format(Figures.percentile(millis, 99)) + " ms, max "
                + Figures.format(Figures.max(millis)) + " ms; first keystrokes (1-2 characters) median "
                + Figures.format(Figures.median(shortPrefixTimes(millis, keystrokes))) + " ms");
        Figures.print("app.search_p95_ms", Figures.percentile(millis, 95), "ms");
        Figures.print("app.search_index_ms", Figures.median(index), "ms");
    }

    /**
     * For the keystrokes a coach makes, the median time of each part of a find, done by hand the way
     * Caseload.find does it: the text match over the index, then the sort of the matches in caseload order.
     */
    private static void printWhereTheTimeGoes(List<Resident> residents, List<String> keystrokes) {
        CaseloadSearch search = new CaseloadSearch(residents);
        Comparator<Resident> order = CaseloadOrder.bySurname();
        double[] match = new double[keystrokes.size()];
        double[] sort = new double[keystrokes.size()];
        double[] found = new double[keystrokes.size()];
        for (int i = 0; i < keystrokes.size(); i++) { // runs after the timed rounds: warm
            long start = System.nanoTime();
            List<Resident> matches = search.matching(keystrokes.get(i));
            long matched = System.nanoTime();
            List<Resident> sorted = matches.stream().sorted(order).toList();
            long end = System.nanoTime();
            match[i] = (matched - start) / 1e6;
            sort[i] = (end - matched) / 1e6;
            found[i] = sorted.size();
        }
        System.out.println("# app.search per keystroke, median (p95): text match " + Figures.format(Figures.median(match))
                + " (" + Figures.format(Figures.percentile(match, 95)) + ") ms, sort of the matches with the nl collator "
                + Figures.format(Figures.median(sort)) + " (" + Figures.format(Figures.percentile(sort, 95))
                + ") ms, matches " + Figures.format(Figures.median(found)) + " (" + Figures.format(Figures.percentile(found, 95))
                + ")");
    }

    /** Types every word one character at a time; checks each whole word finds the resident it came from. */
    private static void typeAll(Caseload caseload, List<Typed> words, Sink sink) {
        for (Typed typed : words) {
            List<Resident> found = List.of();
            for (int i = 1; i <= typed.text().length(); i++) {
                CaseloadFilter filter = CaseloadFilter.text(typed.text().substring(0, i));
                long start = System.nanoTime();
                found = caseload.find(filter, TODAY);
                long took = System.nanoTime() - start;
                if (sink != null) {
                    sink.add(took / 1e6);
                }
            }
            if (!found.contains(typed.from())) {
                throw new AssertionError("Typing '" + typed.text() + "' did not find " + typed.from().clientNumber());
            }
        }
    }

    /** What coaches type: surnames, full names, streets with numbers, postcodes (with and without space), client numbers. */
    private static List<Typed> wordsACoachTypes(List<Resident> residents) {
        Random random = new Random(42);
        List<Typed> words = new ArrayList<>();
        pick(words, residents, random, 8, r -> r.surname().toLowerCase(Locale.ROOT));
        pick(words, residents, random, 4, r -> r.fullName().toLowerCase(Locale.ROOT));
        pick(words, residents, random, 6, r -> (r.street() + " " + r.houseNumber()).toLowerCase(Locale.ROOT));
        pick(words, residents, random, 4, Resident::postcode);
        pick(words, residents, random, 3, r -> r.postcode().replace(" ", "").toLowerCase(Locale.ROOT));
        pick(words, residents, random, 6, Resident::clientNumber);
        return words;
    }

    private static void pick(List<Typed> words, List<Resident> residents, Random random, int count,
                             Function<Resident, String> text) {
        for (int i = 0; i < count; i++) {
            Resident r = residents.get(random.nextInt(residents.size()));
            words.add(new Typed(text.apply(r), r));
        }
    }

    private static double[] shortPrefixTimes(double[] millis, List<String> keystrokes) {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < millis.length; i++) {
            if (keystrokes.get(i % keystrokes.size()).length() <= 2) {
                times.add(millis[i]);
            }
        }
        return times.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private record Typed(String text, Resident from) {
    }

    private static final class Sink {
        private final double[] into;
        private int next;

        Sink(double[] into, int from) {
            this.into = into;
            this.next = from;
        }

        void add(double value) {
            into[next++] = value;
        }
    }
}
