package nl.groningen.keukentafel.app.profile;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import nl.groningen.keukentafel.app.domain.ResidentRecords;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;

/**
 * The demo coach on this laptop: user "sanne", password "keukentafel", with the demo caseload the
 * sync server's demo holds too (same generator, seed and day). Made once, on the first demo start.
 */
public final class DemoProfile {

    public static final String USER = "sanne";
    public static final String PASSWORD = "keukentafel";

    private DemoProfile() {
    }

    /** The demo dataset as of the clock's day. */
    public static Dataset dataset(Clock clock) {
        return new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.now(clock)).generate(DatasetSize.DEMO);
    }

    /** Creates the demo coach's database if it is not there yet. */
    public static void ensure(Profiles profiles, Clock clock) {
        Path file = profiles.fileOf(USER);
        if (LocalStore.exists(file)) {
            return;
        }
        Dataset demo = dataset(clock);
        try (LocalStore store = LocalStore.create(file, PASSWORD.toCharArray())) {
            fill(store, demo, demo.coaches().get(0), true);
        }
    }

    /**
     * Puts one coach's part of a dataset into a store: profile, reference data, caseload. With
     * {@code onlyTheirs} false the whole dataset goes in (benchmarks on the area and city sizes).
     */
    public static void fill(LocalStore store, Dataset dataset, Coach coach, boolean onlyTheirs) {
        store.referenceTable().saveCoach(coach);
        store.referenceTable().saveReference(ReferenceData.standard(), dataset.socialMap());
        List<Resident> residents = dataset.residents().stream()
                .filter(r -> !onlyTheirs || r.coachId().equals(coach.id())).toList();
        store.recordWriter().saveCaseload(residents, recordsOf(dataset, residents));
    }

    /** The dataset's records grouped per resident, for the given residents. */
    public static Map<UUID, ResidentRecords> recordsOf(Dataset dataset, List<Resident> residents) {
        Map<UUID, ResidentRecords> records = new HashMap<>();
        residents.forEach(r -> records.put(r.id(), ResidentRecords.NONE));
        Function<UUID, Boolean> known = records::containsKey;
        dataset.contactAttempts().stream().filter(a -> known.apply(a.residentId()))
                .forEach(a -> records.compute(a.residentId(), (k, v) -> v.withAttempt(a)));
        dataset.appointments().stream().filter(a -> known.apply(a.residentId()))
                .forEach(a -> records.compute(a.residentId(), (k, v) -> v.withAppointment(a)));
        dataset.conversations().stream().filter(c -> known.apply(c.residentId()))
                .forEach(c -> records.compute(c.residentId(), (k, v) -> v.withFinalised(c, List.of(), List.of())));
        dataset.agreements().stream().filter(a -> known.apply(a.residentId()))
                .forEach(a -> records.compute(a.residentId(), (k, v) -> v.withAgreement(a)));
        dataset.referrals().stream().filter(r -> known.apply(r.residentId()))
                .forEach(r -> records.compute(r.residentId(), (k, v) -> v.withReferral(r)));
        for (DevelopmentPlan plan : dataset.developmentPlans()) {
            if (known.apply(plan.residentId())) {
                records.compute(plan.residentId(), (k, v) -> v.withPlan(plan));
            }
        }
        return records;
    }

}
