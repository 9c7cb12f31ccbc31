package nl.groningen.keukentafel.demo;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How long the generator takes for an area: the run command and every benchmark pay it. */
@Tag("bench")
class DemoDataGeneratorBenchmark {

    @Test
    void generateArea() {
        DemoDataGenerator generator = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.of(2026, 11, 22));
        generator.generate(DatasetSize.AREA); // warm-up
        long[] millis = new long[5];
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            generator.generate(DatasetSize.AREA);
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.println("figure datagen.area_ms " + millis[millis.length / 2] + " ms");
    }
}
