package nl.groningen.keukentafel.app.bench;

import java.util.Arrays;
import java.util.Locale;

/** Order statistics over repeated measurements, and the one way a benchmark prints a figure. */
final class Figures {

    private Figures() {
    }

    /** Prints {@code figure NAME VALUE UNIT} on a line of its own. */
    static void print(String name, double value, String unit) {
        System.out.println("figure " + name + " " + format(value) + " " + unit);
        System.out.flush();
    }

    /** Whole numbers as they are, others with two decimals; always a dot, whatever the default locale. */
    static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    static double median(double[] values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Nearest-rank percentile (p in 0..100): the smallest value that at least p% of the samples do not exceed. */
    static double percentile(double[] values, double p) {
        double[] sorted = sorted(values);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElseThrow();
    }

    private static double[] sorted(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("No measurements");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }
}
