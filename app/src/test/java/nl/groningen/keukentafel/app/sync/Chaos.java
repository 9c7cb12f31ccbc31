package nl.groningen.keukentafel.app.sync;

import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The simulation's one source of chance: a {@link Random} made from the seed, and whether faults
 * are on (during the chaotic phase) or off (while healing). Everything random in a run comes from
 * here, in one order, so a seed replays exactly.
 */
final class Chaos {

    private final long seed;
    private final Random random;
    private boolean faults = true;

    Chaos(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
    }

    long seed() {
        return seed;
    }

    /** True with this probability, but only while faults are on (no chance is drawn otherwise). */
    boolean fault(double probability) {
        return faults && random.nextDouble() < probability;
    }

    /** True with this probability. */
    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    int between(int from, int toInclusive) {
        return from + random.nextInt(toInclusive - from + 1);
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A record id made where the record is born, as in the app, but from the seed. A version 4 UUID. */
    UUID uuid() {
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    void faults(boolean on) {
        faults = on;
    }
}
