package nl.groningen.keukentafel.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.groningen.keukentafel.app.domain.Caseload;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.ConversationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Pins that kill -9 of a writing process leaves the database intact with every finalised conversation in it. */
class CrashSafetyTest {

    private static final String PASSWORD = "correct horse";
    private static final int ROUNDS = 5;
    private static final long ROUND_DEADLINE_MILLIS = 20_000;
    private static final String END = "\u0000end";
    private static final Pattern COMMITTED_LINE =
            Pattern.compile(Pattern.quote(CrashWriter.COMMITTED) + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    @TempDir
    Path folder;

    @Test
    @Timeout(value = 55, unit = TimeUnit.SECONDS)
    void aWriterKilledAtAnyMomentLosesNoFinalisedConversation() throws Exception {
        Path file = folder.resolve("coach.db");
        // Seeded, so a failing round can be replayed; the kill still lands wherever the child happens to be.
        Random random = new Random(20_261_122L);
        Set<UUID> committed = new LinkedHashSet<>();

        for (int round = 1; round <= ROUNDS; round++) {
            int wanted = 5 + random.nextInt(56);
            int settleMillis = random.nextInt(20);
            committed.addAll(runAndKill(file, random.nextLong(), wanted, settleMillis, round));

            assertThat(integrityCheck(file)).as("integrity after kill in round %d", round).containsExactly("ok");
            assertEveryCommittedConversationIsComplete(file, committed, round);
        }
    }

    /** Starts the writer, lets it commit {@code wanted} conversations, kills it; every id it printed. */
    private Set<UUID> runAndKill(Path file, long seed, int wanted, int settleMillis, int round) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), file.toString(), PASSWORD, Long.toString(seed))
                .start();
        StringBuffer stderr = new StringBuffer();
        // Drained on its own thread so a chatty child can never block on a full pipe.
        Thread errors = pump(child.getErrorStream(), line -> {
            if (!line.equals(END) && stderr.length() < 20_000) {
                stderr.append(line).append('\n');
            }
        });
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread output = pump(child.getInputStream(), lines::add);

        Set<UUID> ids = new LinkedHashSet<>();
        try {
            long deadline = System.currentTimeMillis() + ROUND_DEADLINE_MILLIS;
            while (ids.size() < wanted) {
                String line = lines.poll(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                if (line == null || line.equals(END)) {
                    fail("Round %d: the writer stopped or stalled after %d of %d commits; its stderr:%n%s",
                            round, ids.size(), wanted, stderr);
                }
                committedId(line).ifPresent(ids::add);
            }
            // A few milliseconds more, so kills fall at different points of the write cycle.
            Thread.sleep(settleMillis);
            assertThat(child.isAlive()).as("the writer runs until killed; stderr:%n%s", stderr).isTrue();
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).as("the killed writer ended").isTrue();
        }

        // Lines printed between our last read and the kill are promises too.
        output.join(10_000);
        errors.join(10_000);
        for (String line = lines.poll(); line != null && !line.equals(END); line = lines.poll()) {
            committedId(line).ifPresent(ids::add);
        }
        return ids;
    }

    /** The id a whole "committed" line announces; a line cut short by the kill announced nothing. */
    private static Optional<UUID> committedId(String line) {
        Matcher matcher = COMMITTED_LINE.matcher(line);
        return matcher.matches() ? Optional.of(UUID.fromString(matcher.group(1))) : Optional.empty();
    }

    private static Thread pump(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    sink.accept(line);
                }
            } catch (IOException ignored) {
                // the child was killed mid-line; what was read is what counts
            } finally {
                sink.accept(END);
            }
        }, "crash-writer-pipe");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static List<String> integrityCheck(Path file) throws Exception {
        List<String> result = new ArrayList<>();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = raw.createStatement()) {
            try (ResultSet rows = statement.executeQuery("PRAGMA integrity_check")) {
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
            }
            // A record whose resident vanished would pass integrity_check but is still a broken file for us.
            try (ResultSet orphans = statement.executeQuery("PRAGMA foreign_key_check")) {
                while (orphans.next()) {
                    result.add("foreign key broken in " + orphans.getString(1) + " row " + orphans.getLong(2));
                }
            }
        }
        return result;
    }

    private static void assertEveryCommittedConversationIsComplete(Path file, Set<UUID> committed, int round) {
        try (LocalStore store = LocalStore.unlock(file, PASSWORD.toCharArray())) {
            Caseload caseload = store.sealedRecords().caseload();
            Map<UUID, Conversation> conversations = caseload.allRecords().values().stream()
                    .flatMap(r -> r.conversations().stream())
                    .collect(Collectors.toMap(Conversation::id, c -> c));
            Map<UUID, List<Agreement>> agreements = caseload.allRecords().values().stream()
                    .flatMap(r -> r.agreements().stream())
                    .filter(a -> a.conversationId() != null)
                    .collect(Collectors.groupingBy(Agreement::conversationId));
            Set<UUID> drafts = caseload.allRecords().values().stream()
                    .flatMap(r -> r.drafts().stream())
                    .map(d -> d.conversation().id())
                    .collect(Collectors.toSet());

            for (UUID id : committed) {
                Conversation conversation = conversations.get(id);
                assertThat(conversation).as("round %d: committed conversation %s", round, id).isNotNull();
                assertThat(CrashWriter.agreementsMarked(conversation)).as("made by the writer").isBetween(2, 5);
            }
            // Every conversation the writer finalised, announced or cut off by the kill, is whole:
            // a finalise that is not one transaction shows here as a conversation short of agreements.
            List<Conversation> written = conversations.values().stream()
                    .filter(c -> CrashWriter.agreementsMarked(c) > 0).toList();
            for (Conversation conversation : written) {
                UUID id = conversation.id();
                assertThat(conversation.status()).as("round %d: status of %s", round, id).isEqualTo(ConversationStatus.FINALISED);
                assertThat(caseload.resident(conversation.residentId())).as("its resident").isPresent();
                assertThat(drafts).as("round %d: no draft left of finalised %s", round, id).doesNotContain(id);

                int count = CrashWriter.agreementsMarked(conversation);
                List<Agreement> own = agreements.getOrDefault(id, List.of());
                // The writer numbers them "i of n": exactly 1..n means none was lost or doubled.
                assertThat(own).extracting(Agreement::description).as("round %d: agreements of %s", round, id)
                        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, count)
                                .mapToObj(i -> CrashWriter.description(i, count)).toList());
                assertThat(own).allMatch(a -> a.residentId().equals(conversation.residentId()));
            }
        }
    }
}
