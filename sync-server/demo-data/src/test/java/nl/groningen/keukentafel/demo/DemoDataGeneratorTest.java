package nl.groningen.keukentafel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.Json;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.ReferenceData;
import nl.groningen.keukentafel.contract.ReferenceItem;
import nl.groningen.keukentafel.contract.Resident;
import org.junit.jupiter.api.Test;

class DemoDataGeneratorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Test
    void theSameSeedAndDayGiveTheSameDataset() throws Exception {
        Dataset first = new DemoDataGenerator(7, TODAY).generate(DatasetSize.DEMO);
        Dataset second = new DemoDataGenerator(7, TODAY).generate(DatasetSize.DEMO);
        Dataset otherSeed = new DemoDataGenerator(8, TODAY).generate(DatasetSize.DEMO);

        assertThat(Json.mapper().writeValueAsString(second)).isEqualTo(Json.mapper().writeValueAsString(first));
        assertThat(otherSeed.residents()).extracting(Resident::id).doesNotContainAnyElementsOf(
                first.residents().stream().map(Resident::id).toList());
    }

    @Test
    void demoIsOneCoachWithAboutOneHundredFiftyResidentsAndVisitsToday() {
        Dataset demo = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);

        assertThat(demo.coaches()).hasSize(1);
        assertThat(demo.residents()).hasSize(150);
        assertThat(demo.appointments())
                .filteredOn(a -> a.startsAt().atZone(ZoneId.of("Europe/Amsterdam")).toLocalDate().equals(TODAY))
                .hasSize(3);
    }

    @Test
    void areaHasTheDepthTheIssueAsksFor() {
        Dataset area = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
        int others = area.agreements().size() + area.referrals().size() + area.contactAttempts().size();

        assertThat(area.residents()).hasSize(1_500);
        assertThat(area.coaches()).hasSize(10);
        assertThat(area.conversations().size()).isBetween(6_750, 8_250);
        assertThat(others).isBetween(25_500, 34_500);
    }

    @Test
    void outreachStatusesFollowTheReportedReach() {
        Dataset area = new DemoDataGenerator(3, TODAY).generate(DatasetSize.AREA);
        Map<OutreachStatus, Long> counts = area.residents().stream()
                .collect(Collectors.groupingBy(Resident::outreachStatus, Collectors.counting()));

        assertThat(counts.get(OutreachStatus.SPOKEN) / 1_500.0).isBetween(0.52, 0.62);
        assertThat(counts.get(OutreachStatus.TO_SCHEDULE) / 1_500.0).isBetween(0.20, 0.30);
        assertThat(counts).containsKeys(OutreachStatus.values());
        assertThat(area.residents()).filteredOn(Resident::knownAtWij)
                .allMatch(r -> r.outreachStatus() == OutreachStatus.KNOWN_AT_WIJ);
    }

    /** Found by the sync simulation: a laptop that has a resident but not yet their plan starts the same plan, not a second one. */
    @Test
    void everyPlanHasTheIdALaptopWouldGiveTheResidentsPlan() {
        Dataset demo = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.DEMO);

        assertThat(demo.developmentPlans()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.id()).isEqualTo(DevelopmentPlan.idFor(p.residentId())));
    }

    @Test
    void everyRecordBelongsToAResidentAndConversationsLieInThePast() {
        Dataset area = new DemoDataGenerator(11, TODAY).generate(DatasetSize.AREA);
        Set<UUID> residents = area.residents().stream().map(Resident::id).collect(Collectors.toSet());
        Map<UUID, Conversation> conversations = area.conversations().stream()
                .collect(Collectors.toMap(Conversation::id, Function.identity()));

        assertThat(area.conversations()).allMatch(c -> residents.contains(c.residentId()) && !c.date().isAfter(TODAY));
        assertThat(area.contactAttempts()).allMatch(a -> residents.contains(a.residentId()));
        assertThat(area.agreements()).allMatch(a -> conversations.get(a.conversationId()).residentId().equals(a.residentId()));
        assertThat(area.referrals()).allMatch(r -> conversations.get(r.conversationId()).residentId().equals(r.residentId()));
        assertThat(area.conversations()).extracting(Conversation::date).anyMatch(d -> d.getYear() <= 2020);
    }

    @Test
    void wijkenAndCodesComeFromTheDomain() {
        Dataset area = new DemoDataGenerator(5, TODAY).generate(DatasetSize.AREA);
        ReferenceData reference = ReferenceData.standard();
        Set<String> outcomes = reference.outcomeCategories().stream().map(ReferenceItem::code).collect(Collectors.toSet());
        Set<String> partners = reference.partners().stream().map(ReferenceItem::code).collect(Collectors.toSet());

        assertThat(area.residents()).extracting(Resident::wijk).containsAnyOf("Selwerd", "Vinkhuizen", "De Wijert",
                "Helpman", "Lewenborg", "Beijum", "Hoornse wijken", "Oosterpark");
        assertThat(area.conversations()).allMatch(c -> outcomes.contains(c.outcome()));
        assertThat(area.referrals()).allMatch(r -> partners.contains(r.partner()));
        assertThat(area.residents()).extracting(Resident::clientNumber).doesNotHaveDuplicates();
    }

    @Test
    void mostNextContactsLieAheadAndSomeAreOverdue() {
        Dataset area = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.AREA);
        List<LocalDate> due = area.residents().stream().map(Resident::nextContactDue).filter(Objects::nonNull).toList();
        long overdue = due.stream().filter(d -> d.isBefore(TODAY)).count();

        assertThat(due).hasSizeGreaterThan(700);
        assertThat(overdue).isPositive().isLessThan(due.size() / 4);
    }

    @Test
    void cityHasElevenThousandResidentsAtTheSameDepth() {
        Dataset city = new DemoDataGenerator(DemoDataGenerator.DEFAULT_SEED, TODAY).generate(DatasetSize.CITY);

        assertThat(city.residents()).hasSize(11_000);
        assertThat(city.coaches()).hasSize(74);
        assertThat(city.conversations().size() / 11_000.0).isBetween(4.5, 5.5);
        assertThat(city.residents()).extracting(Resident::id).doesNotHaveDuplicates();
    }
}
