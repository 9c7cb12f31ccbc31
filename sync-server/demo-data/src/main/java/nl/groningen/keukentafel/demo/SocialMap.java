package nl.groningen.keukentafel.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/**
 * An invented sociale kaart: per wijk a WIJ team, a buurtcentrum and a few activities. Phone
 * numbers (050 - 555 ...) and websites (.example) are plainly fictitious, and counted rather than
 * drawn from {@code random}, so the rest of the demo data stays the same.
 */
final class SocialMap {

    private static final String[][] ACTIVITIES = {
        {"Koffieochtend", "Elke week samen koffie drinken en bijpraten.", "dinsdag 10:00-12:00"},
        {"Moestuin", "Samen tuinieren in de wijkmoestuin; geen ervaring nodig.", "woensdag- en zaterdagmiddag"},
        {"Taalcafé", "Nederlands oefenen in een ontspannen sfeer.", "donderdag 19:00-20:30"},
        {"Repair Café", "Kapotte spullen samen repareren.", "eerste zaterdag van de maand"},
        {"Wandelgroep", "Een uur wandelen door de wijk, in eigen tempo.", "maandag 9:30"},
        {"Vrijwilligerspunt", "Vrijwilligerswerk zoeken dat bij je past.", "op afspraak"},
        {"Kookclub", "Samen koken en eten voor een klein bedrag.", "vrijdag 17:00"}
    };

    private SocialMap() {
    }

    static List<SocialMapEntry> generate(Random random) {
        List<SocialMapEntry> entries = new ArrayList<>();
        for (String wijk : DemoDataGenerator.wijken()) {
            entries.add(new SocialMapEntry(DemoDataGenerator.uuid(random), "WIJ-team " + wijk, "organisation", wijk,
                    "Sociaal team voor zorg, welzijn en ondersteuning.", street(random), "werkdagen 9:00-17:00", "wij",
                    phone(entries), website("wij-" + wijk)));
            entries.add(new SocialMapEntry(DemoDataGenerator.uuid(random), "Buurtcentrum " + wijk, "organisation", wijk,
                    "Ontmoetingsplek met activiteiten voor iedereen.", street(random), "werkdagen", null,
                    phone(entries), website("buurtcentrum-" + wijk)));
            int activities = 3 + random.nextInt(3);
            int first = random.nextInt(ACTIVITIES.length);
            for (int a = 0; a < activities; a++) {
                String[] activity = ACTIVITIES[(first + a) % ACTIVITIES.length];
                entries.add(new SocialMapEntry(DemoDataGenerator.uuid(random), activity[0] + " " + wijk, "activity",
                        wijk, activity[1], street(random), activity[2], null, phone(entries), null));
            }
        }
        entries.add(new SocialMapEntry(DemoDataGenerator.uuid(random), "Centrum naar Werk", "organisation", "",
                "Werk zoeken, CV-check en sollicitatietraining.", "Harm Buiterplein 1", "werkdagen 9:00-17:00", "cnw",
                phone(entries), website("centrum-naar-werk")));
        entries.add(new SocialMapEntry(DemoDataGenerator.uuid(random), "Gemeentelijke Kredietbank", "organisation", "",
                "Hulp bij geldzaken en schulden.", "Harm Buiterplein 1", "op afspraak", "gkb",
                phone(entries), website("kredietbank")));
        return entries;
    }

    /** A demo phone number, one per entry: 050 - 555 0001, 050 - 555 0002, ... */
    private static String phone(List<SocialMapEntry> before) {
        return String.format(java.util.Locale.ROOT, "050 - 555 %04d", before.size() + 1);
    }

    private static String website(String name) {
        return "https://" + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + ".voorbeeld.example";
    }

    private static String street(Random random) {
        return Names.street(random.nextInt(147)) + " " + (1 + random.nextInt(120));
    }
}
