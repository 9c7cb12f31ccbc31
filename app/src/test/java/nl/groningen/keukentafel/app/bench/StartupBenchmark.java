package nl.groningen.keukentafel.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.groningen.keukentafel.app.profile.DemoProfile;
import nl.groningen.keukentafel.app.profile.Profiles;
import nl.groningen.keukentafel.app.store.LocalStore;
import nl.groningen.keukentafel.demo.Dataset;
import nl.groningen.keukentafel.demo.DatasetSize;
import nl.groningen.keukentafel.demo.DemoDataGenerator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cold start of the app to the caseload shown, on an area-sized coach database (1,500 residents
 * with all their records, real key-derivation strength): each run is a fresh JVM running
 * {@link StartupProbe}, which starts JavaFX headless (Monocle), logs in through the login screen and
 * opens the caseload. Figures: {@code app.startup_ms} (median of 5, from just before the process is
 * started to the pulse that lays out the caseload table), {@code app.rss_mb} (median VmRSS at that
 * moment), {@code app.startup_unlock_ms} (median time of the background work the login button
 * starts: key derivation, decrypting the caseload; the store is opened and its schema checked while
 * the login screen waits, and a login that has to wait for that shows it in the steps, between
 * {@code login_fired} and {@code unlock_work_started}). One run before the five
 * is thrown away: it only warms the operating system's file cache (jars, database). Before the
 * figures it prints (as {@code #} lines) the median time of each step of the start, and the
 * login's background work taken apart by {@link UnlockProbe}, so a slow start says where it is slow.
 *
 * <p>The child JVM starts as the packaged app does ({@link PackagedLaunch}): the app's jar and its
 * {@code lib/}, the options of {@code jvm.options}, and the class-data-sharing archive they name,
 * made first by one training run (not counted) the way the installer makes it. Set the environment
 * variable {@code KEUKENTAFEL_BENCH_APP_JVM_ARGS} (space-separated) to try other options instead;
 * {@code $APPDIR} in them is the folder the archive goes to.
 */
@Tag("bench")
class StartupBenchmark {

    private static final List<String> HEADLESS = List.of(
            "-Dtestfx.headless=true", "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless",
            "-Dprism.order=sw", "-Dprism.text=t2k", "-Djava.awt.headless=true");
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    private static final String USER = "coach";
    private static final String PASSWORD = "keukentafel-bench";
    private static final int RUNS = 5;
    private static final int UNLOCK_PROBE_RUNS = 3;

    @TempDir
    Path dataFolder;

    /** Stands for the installed app's folder: the class-data-sharing archive and the probes' jar go here. */
    @TempDir
    Path appFolder;

    private PackagedLaunch launch;

    @Test
    void coldStartToCaseloadShown() throws Exception {
        Dataset area = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, LocalDate.now(AMSTERDAM))
                .generate(DatasetSize.AREA);
        Path file = new Profiles(dataFolder).fileOf(USER);
        try (LocalStore store = LocalStore.create(file, PASSWORD.toCharArray())) {
            DemoProfile.fill(store, area, area.coaches().get(0), false);
        }
        int residents = area.residents().size();
        launch = PackagedLaunch.of(appFolder, overriddenJvmArgs());

        train(residents);
        probe(residents); // warms the file cache only
        List<Map<String, String>> runs = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            runs.add(probe(residents));
        }

        double[] startup = values(runs, "startup_ms");
        double[] rssMb = Arrays.stream(values(runs, "rss_kb")).map(kb -> kb / 1024.0).toArray();
        double[] unlock = values(runs, "unlock_work_ms");
        printPhases(runs);
        printUnlockSteps();
        Figures.print("app.startup_ms", Figures.median(startup), "ms");
        Figures.print("app.rss_mb", Math.round(Figures.median(rssMb)), "MB");
        Figures.print("app.startup_unlock_ms", Figures.median(unlock), "ms");
    }

    /** The installer's training run: the same start, once, making the archive the options name (if any). */
    private void train(int residents) throws IOException, InterruptedException {
        Path archive = launch.archive();
        if (archive == null) {
            System.out.println("# no class-data-sharing archive in the JVM options: no training run");
            return;
        }
        Files.deleteIfExists(archive);
        String out = runChild(StartupProbe.class, launch.trainingOptions(), command -> command.addAll(List.of(
                Long.toString(System.currentTimeMillis()), dataFolder.toString(), USER, PASSWORD, Integer.toString(residents))));
        if (!out.contains("probe startup_ms") || !Files.isRegularFile(archive)) {
            throw new AssertionError("The training run made no class-data-sharing archive at " + archive + "\n" + out);
        }
        System.out.println("# training run made " + archive.getFileName() + " (" + (Files.size(archive) >> 20) + " MB)");
    }

    /** One cold start in a fresh JVM; the probe's {@code probe KEY VALUE} lines as a map. */
    private Map<String, String> probe(int residents) throws IOException, InterruptedException {
        long[] launched = new long[1];
        String out = runChild(StartupProbe.class, launch.options(), (command) -> {
            launched[0] = System.currentTimeMillis();
            command.addAll(List.of(Long.toString(launched[0]), dataFolder.toString(), USER, PASSWORD, Integer.toString(residents)));
        });
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("probe at ")) {
                String[] parts = line.substring("probe at ".length()).trim().split(" ");
                values.put("at " + parts[0], parts[1]);
            } else if (line.startsWith("probe ")) {
                String[] parts = line.substring("probe ".length()).trim().split(" ", 2);
                values.put(parts[0], parts.length > 1 ? parts[1] : "");
            }
        }
        if (!values.containsKey("startup_ms") || !values.containsKey("rss_kb")) {
            throw new AssertionError("The app did not show the caseload\n" + out);
        }
        return values;
    }

    /** The login's background work taken apart, in fresh JVMs: median wall and CPU milliseconds per step. */
    private void printUnlockSteps() throws IOException, InterruptedException {
        Map<String, List<double[]>> steps = new LinkedHashMap<>();
        String counts = "";
        for (int i = 0; i < UNLOCK_PROBE_RUNS; i++) {
            String out = runChild(UnlockProbe.class, launch.options(),
                    command -> command.addAll(List.of(new Profiles(dataFolder).fileOf(USER).toString(), PASSWORD)));
            for (String line : out.split("\n")) {
                if (line.startsWith("unlock-probe records")) {
                    counts = line.substring("unlock-probe ".length());
                } else if (line.startsWith("unlock-probe ")) {
                    String[] parts = line.trim().split(" ");
                    steps.computeIfAbsent(parts[1], k -> new ArrayList<>())
                            .add(new double[] {Double.parseDouble(parts[2]), Double.parseDouble(parts[3])});
                }
            }
        }
        System.out.println("# login background work taken apart (UnlockProbe), median of " + UNLOCK_PROBE_RUNS
                + " fresh JVMs (wall ms | cpu ms of the thread):");
        steps.forEach((name, runs) -> System.out.printf("#   %-36s %6s | %6s%n", name,
                Figures.format(Figures.median(runs.stream().mapToDouble(r -> r[0]).toArray())),
                Figures.format(Figures.median(runs.stream().mapToDouble(r -> r[1]).toArray()))));
        System.out.println("#   " + counts);
    }

    /** Runs a main class of this package in a fresh JVM started like the packaged app; its standard output. */
    private String runChild(Class<?> main, List<String> jvmOptions, Consumer<List<String>> arguments)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(HEADLESS);
        command.add("-cp");
        command.add(launch.classPath());
        command.add(main.getName());
        Path errors = Files.createTempFile("bench-child", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder().redirectError(errors.toFile());
            arguments.accept(command); // last: the startup probe takes the launch time here
            Process process = builder.command(command).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(main.getSimpleName() + " did not exit\n" + out);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(main.getSimpleName() + " failed (exit " + process.exitValue() + ")\n" + out
                        + "\n" + Files.readString(errors));
            }
            return out;
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** Per step: median time since the launch and median time since the step before, over the runs. */
    private void printPhases(List<Map<String, String>> runs) {
        List<String> steps = new ArrayList<>();
        steps.add("jvm_started_ms");
        runs.get(0).keySet().stream().filter(k -> k.startsWith("at ")).forEach(steps::add);
        System.out.println("# app.startup steps, median of " + runs.size()
                + " cold starts (ms since launch | ms since the step before):");
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            String before = i == 0 ? null : steps.get(i - 1);
            double at = Figures.median(values(runs, step));
            double since = Figures.median(runs.stream()
                    .mapToDouble(r -> Double.parseDouble(r.get(step)) - (before == null ? 0 : Double.parseDouble(r.get(before))))
                    .toArray());
            System.out.printf("#   %-24s %6s | %6s%n", step.replaceFirst("^at ", "").replace("_ms", ""),
                    Figures.format(at), Figures.format(since));
        }
        for (String key : List.of("unlock_work_ms", "process_cpu_ms", "gc_count", "gc_ms", "heap_used_mb",
                "heap_committed_mb", "nonheap_committed_mb", "classes_loaded", "max_heap_mb")) {
            System.out.println("#   " + key + " " + Figures.format(Figures.median(values(runs, key))));
        }
        System.out.println("#   processor time per thread at the caseload shown, median ms: " + threadCpu(runs));
        System.out.println("#   startup_ms per run " + Arrays.toString(values(runs, "startup_ms"))
                + ", rss_kb per run " + Arrays.toString(values(runs, "rss_kb")) + ", app JVM options " + launch.options());
    }

    /** "JavaFX_Application_Thread 680, C1_CompilerThre 540, …", busiest first (the kernel cuts thread names at 15 characters). */
    private static String threadCpu(List<Map<String, String>> runs) {
        return runs.stream().flatMap(r -> r.keySet().stream()).filter(k -> k.startsWith("cpu_")).distinct()
                .map(k -> Map.entry(k.substring("cpu_".length()),
                        Figures.median(runs.stream().mapToDouble(r -> Double.parseDouble(r.getOrDefault(k, "0"))).toArray())))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> e.getKey() + " " + Figures.format(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static double[] values(List<Map<String, String>> runs, String key) {
        return runs.stream().mapToDouble(r -> Double.parseDouble(r.get(key))).toArray();
    }

    /** The options to try instead of those of jvm.options, or null. */
    private static List<String> overriddenJvmArgs() {
        String env = System.getenv("KEUKENTAFEL_BENCH_APP_JVM_ARGS");
        return env == null ? null : Arrays.stream(env.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }
}
