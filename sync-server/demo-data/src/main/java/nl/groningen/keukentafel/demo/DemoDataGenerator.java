package nl.groningen.keukentafel.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.AgreementStatus;
import nl.groningen.keukentafel.contract.Appointment;
import nl.groningen.keukentafel.contract.Coach;
import nl.groningen.keukentafel.contract.ContactAttempt;
import nl.groningen.keukentafel.contract.ContactChannel;
import nl.groningen.keukentafel.contract.ContactResult;
import nl.groningen.keukentafel.contract.Conversation;
import nl.groningen.keukentafel.contract.DevelopmentPlan;
import nl.groningen.keukentafel.contract.PlanGoal;
import nl.groningen.keukentafel.contract.PlanStep;
import nl.groningen.keukentafel.contract.ConversationStatus;
import nl.groningen.keukentafel.contract.Initiative;
import nl.groningen.keukentafel.contract.LifeDomainNote;
import nl.groningen.keukentafel.contract.OutreachStatus;
import nl.groningen.keukentafel.contract.Place;
import nl.groningen.keukentafel.contract.Referral;
import nl.groningen.keukentafel.contract.ReferralStatus;
import nl.groningen.keukentafel.contract.Resident;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/**
 * Makes fake but realistic Groningen caseloads: residents in the wijken of domain.md with outreach
 * statuses, contact attempts, conversations, agreements, referrals and appointments spread over
 * several years up to {@code today}. The same size, seed and day give the same data, byte for byte.
 * Names and addresses are invented ("Proefstraat", "Oefensma") so nobody mistakes them for real.
 */
public final class DemoDataGenerator {

    /** The seed the run command and the tests use unless they say otherwise. */
    public static final long DEFAULT_SEED = 20_151_001L;

    /** Kansen in Kaart started in 2015: no record is older. */
    private static final LocalDate PROGRAMME_START = LocalDate.of(2015, 9, 1);
    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final long seed;
    private final LocalDate today;

    public DemoDataGenerator(long seed, LocalDate today) {
        this.seed = seed;
        this.today = today;
    }

    /** Generates a whole dataset of the given size. */
    public Dataset generate(DatasetSize size) {
        Builder out = new Builder();
        out.socialMap.addAll(SocialMap.generate(new Random(seed ^ 0x50C1A1L)));
        Random coachRandom = new Random(seed);
        int residentIndex = 0;
        for (int c = 0; c < size.coaches(); c++) {
            Area area = Area.values()[c % Area.values().length];
            Coach coach = new Coach(uuid(coachRandom), coachName(c), area.label);
            out.coaches.add(coach);
            int caseload = Math.min(DatasetSize.RESIDENTS_PER_COACH, size.residents() - residentIndex);
            for (int i = 0; i < caseload; i++, residentIndex++) {
                // One random stream per resident: a resident's records do not depend on its neighbours'.
                Random random = new Random(seed * 1_000_003L + residentIndex);
                new ResidentStory(random, coach, area, residentIndex, i < 3, out.socialMap).writeTo(out);
            }
        }
        return out.build();
    }

    private static String coachName(int index) {
        if (index == 0) {
            return "Sanne Voorbeeld";
        }
        String given = Names.COACH_GIVEN[index % Names.COACH_GIVEN.length];
        return given + " " + Names.surname(index / Names.COACH_GIVEN.length + index);
    }

    static UUID uuid(Random random) {
        long hi = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(hi, lo);
    }

    /** Every wijk the generator places residents in. */
    static List<String> wijken() {
        List<String> all = new ArrayList<>();
        for (Area area : Area.values()) {
            all.addAll(List.of(area.wijken));
        }
        return all;
    }

    /** The areas with their wijken and (invented) postcode areas. */
    enum Area {
        NOORDWEST("Noordwest", new String[] {"Selwerd", "Vinkhuizen"}, new String[] {"9741", "9743"}),
        ZUID("Zuid", new String[] {"De Wijert", "Helpman", "Hoornse wijken"}, new String[] {"9722", "9725", "9728"}),
        OOST("Oost", new String[] {"Lewenborg", "Beijum", "Oosterpark"}, new String[] {"9736", "9737", "9713"});

        final String label;
        final String[] wijken;
        final String[] postcodes;

        Area(String label, String[] wijken, String[] postcodes) {
            this.label = label;
            this.wijken = wijken;
            this.postcodes = postcodes;
        }
    }

    private static final class Builder {
        final List<Coach> coaches = new ArrayList<>();
        final List<Resident> residents = new ArrayList<>();
        final List<ContactAttempt> attempts = new ArrayList<>();
        final List<Appointment> appointments = new ArrayList<>();
        final List<Conversation> conversations = new ArrayList<>();
        final List<Agreement> agreements = new ArrayList<>();
        final List<Referral> referrals = new ArrayList<>();
        final List<DevelopmentPlan> plans = new ArrayList<>();
        final List<SocialMapEntry> socialMap = new ArrayList<>();

        Dataset build() {
            return new Dataset(coaches, residents, attempts, appointments, conversations, agreements, referrals,
                    plans, socialMap);
        }
    }

    /** One resident's history, told in order: invitation, attempts, conversations, what followed. */
    private final class ResidentStory {
        private final Random random;
        private final Coach coach;
        private final Area area;
        private final int index;
        private final boolean seenToday;
        private final List<SocialMapEntry> socialMap;
        private final UUID id;

        ResidentStory(Random random, Coach coach, Area area, int index, boolean seenToday, List<SocialMapEntry> socialMap) {
            this.random = random;
            this.coach = coach;
            this.area = area;
            this.index = index;
            this.seenToday = seenToday;
            this.socialMap = socialMap;
            this.id = uuid(random);
        }

        void writeTo(Builder out) {
            OutreachStatus status = seenToday ? OutreachStatus.SPOKEN : outreachStatus();
            int term = pick(new int[] {3, 3, 6, 6, 6, 12});
            Initiative initiative = random.nextInt(5) == 0 ? Initiative.RESIDENT : Initiative.COACH;
            LocalDate nextDue = null;

            switch (status) {
                case SPOKEN -> nextDue = spoken(out, term, initiative);
                case DECLINED -> notSpoken(out, ContactResult.DECLINED, daysAgo(60, 6 * 365));
                case NOT_REACHABLE -> notSpoken(out, ContactResult.NO_ANSWER, daysAgo(60, 6 * 365));
                case TO_SCHEDULE -> notSpoken(out, ContactResult.NO_ANSWER, daysAgo(3, 300));
                case KNOWN_AT_WIJ -> { } // not invited: only the fact is kept
            }
            out.residents.add(resident(status, term, initiative, nextDue));
        }

        private OutreachStatus outreachStatus() {
            // Reach as reported in 2019: 57% spoken, 15% declined or known at WIJ, 3% unreachable, 25% to schedule.
            int p = random.nextInt(100);
            if (p < 57) {
                return OutreachStatus.SPOKEN;
            } else if (p < 68) {
                return OutreachStatus.DECLINED;
            } else if (p < 72) {
                return OutreachStatus.KNOWN_AT_WIJ;
            } else if (p < 75) {
                return OutreachStatus.NOT_REACHABLE;
            }
            return OutreachStatus.TO_SCHEDULE;
        }

        private Resident resident(OutreachStatus status, int term, Initiative initiative, LocalDate nextDue) {
            int wijk = random.nextInt(area.wijken.length);
            String prefix = Names.SURNAME_PREFIXES[random.nextInt(Names.SURNAME_PREFIXES.length)];
            int age = random.nextInt(10) == 0 ? 60 + random.nextInt(7) : 19 + random.nextInt(41);
            LocalDate born = today.minusYears(age).minusDays(random.nextInt(365));
            String houseNumber = (1 + random.nextInt(180)) + (random.nextInt(6) == 0 ? "a" : "");
            String postcode = area.postcodes[wijk] + " " + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26));
            return new Resident(id, coach.id(), String.format("KT%07d", index + 1),
                    Names.GIVEN[random.nextInt(Names.GIVEN.length)], prefix, Names.surname(random.nextInt(10_000)),
                    Names.street(wijk * 7 + random.nextInt(7)), houseNumber, postcode, area.wijken[wijk],
                    born, String.format("06 99%02d %04d", random.nextInt(100), random.nextInt(10_000)),
                    status == OutreachStatus.KNOWN_AT_WIJ, false, term, initiative, status, nextDue);
        }

        private void notSpoken(Builder out, ContactResult lastResult, LocalDate invited) {
            attempt(out, invited, ContactChannel.LETTER_1, ContactResult.SENT);
            LocalDate day = invited.plusDays(21);
            if (day.isBefore(today)) {
                attempt(out, day, ContactChannel.LETTER_2, ContactResult.SENT);
            }
            int calls = 1 + random.nextInt(3);
            for (int i = 0; i < calls; i++) {
                day = day.plusDays(5 + random.nextInt(10));
                if (!day.isBefore(today)) {
                    return;
                }
                boolean last = i == calls - 1;
                ContactChannel channel = last && random.nextBoolean() ? ContactChannel.AT_THE_DOOR : ContactChannel.PHONE;
                attempt(out, day, channel, last ? lastResult : ContactResult.NO_ANSWER);
            }
        }

        /** Returns the next-contact due date agreed in the last conversation. */
        private LocalDate spoken(Builder out, int term, Initiative initiative) {
            int count = 5 + random.nextInt(9);
            // The last conversation falls within one term before today, so most next contacts are still ahead.
            LocalDate first = today.minusMonths((long) term * (count - 1)).minusDays(1 + random.nextInt(term * 30));
            while (first.isBefore(PROGRAMME_START)) {
                first = first.plusMonths(term);
                count--;
            }
            LocalDate invited = first.minusDays(21 + random.nextInt(21));
            attempt(out, invited, ContactChannel.LETTER_1, ContactResult.SENT);
            if (random.nextInt(5) < 2) {
                attempt(out, invited.plusDays(21), ContactChannel.LETTER_2, ContactResult.SENT);
            }
            attempt(out, first.minusDays(7 + random.nextInt(7)), ContactChannel.PHONE, ContactResult.APPOINTMENT_MADE);

            LocalDate date = first;
            LocalDate last = first;
            for (int i = 0; i < Math.max(1, count) && date.isBefore(today); i++) {
                if (random.nextBoolean()) {
                    attempt(out, date.minusDays(1), ContactChannel.REMINDER_CALL, ContactResult.REACHED);
                }
                conversation(out, date, i > 0, term, initiative);
                last = date;
                date = date.plusMonths(term).plusDays(random.nextInt(29) - 14);
            }
            LocalDate nextDue = last.plusMonths(term);
            if (random.nextInt(3) > 0) {
                plan(out, last);
            }
            if (seenToday) {
                appointment(out, today, LocalTime.of(9 + (2 * index) % 6, random.nextBoolean() ? 0 : 30));
            } else if (initiative == Initiative.COACH && random.nextInt(10) == 0) {
                appointment(out, today.plusDays(1 + random.nextInt(13)), LocalTime.of(9 + random.nextInt(7), 30));
            }
            return nextDue;
        }

        private void conversation(Builder out, LocalDate date, boolean followUp, int term, Initiative initiative) {
            UUID conversationId = uuid(random);
            List<LifeDomainNote> domains = new ArrayList<>();
            int domainCount = 2 + random.nextInt(3);
            for (int d = 0; d < domainCount; d++) {
                String domain = Texts.LIFE_DOMAINS[random.nextInt(Texts.LIFE_DOMAINS.length)];
                if (domains.stream().noneMatch(n -> n.domain().equals(domain))) {
                    domains.add(new LifeDomainNote(domain, Texts.note(domain, random)));
                }
            }
            List<String> provisions = new ArrayList<>();
            if (random.nextInt(3) == 0) {
                provisions.add(Texts.PROVISIONS[random.nextInt(Texts.PROVISIONS.length)]);
            }
            List<String> signals = random.nextInt(60) == 0 ? List.of("care_signal") : List.of();
            out.conversations.add(new Conversation(conversationId, id, coach.id(), date, place(),
                    30 + 15 * random.nextInt(5), followUp, domains,
                    Texts.ACTIVITIES[random.nextInt(Texts.ACTIVITIES.length)],
                    Texts.WISHES[random.nextInt(Texts.WISHES.length)],
                    Texts.OUTCOMES[random.nextInt(Texts.OUTCOMES.length)], provisions, signals,
                    Texts.GOALS[random.nextInt(Texts.GOALS.length)],
                    rating(8.0), rating(7.4), term, initiative, ConversationStatus.FINALISED, null));

            int agreements = 1 + random.nextInt(4);
            for (int a = 0; a < agreements; a++) {
                agreement(out, conversationId, date);
            }
            if (random.nextInt(10) < 3) {
                referral(out, conversationId, date);
            }
        }

        private void agreement(Builder out, UUID conversationId, LocalDate date) {
            AgreementOwner owner = AgreementOwner.values()[random.nextInt(10) < 4 ? 0 : random.nextInt(10) < 7 ? 1 : 2];
            String[] texts = switch (owner) {
                case COACH -> Texts.COACH_AGREEMENTS;
                case RESIDENT -> Texts.RESIDENT_AGREEMENTS;
                case PARTNER -> Texts.PARTNER_AGREEMENTS;
            };
            String partner = owner == AgreementOwner.PARTNER ? Texts.PARTNERS[random.nextInt(Texts.PARTNERS.length)] : null;
            LocalDate due = date.plusDays(14 + random.nextInt(43));
            AgreementStatus status = AgreementStatus.OPEN;
            LocalDate done = null;
            if (due.isBefore(today.minusDays(90))) {
                // Long past: settled one way or the other.
                status = random.nextInt(100) < 94 ? AgreementStatus.DONE : AgreementStatus.CANCELLED;
            } else if (due.isBefore(today.minusDays(14))) {
                // Recently past: most done, some still open and overdue (what Vandaag must show).
                int p = random.nextInt(100);
                status = p < 70 ? AgreementStatus.DONE : p < 75 ? AgreementStatus.CANCELLED : AgreementStatus.OPEN;
            }
            if (status == AgreementStatus.DONE) {
                done = due.minusDays(random.nextInt(14));
            }
            out.agreements.add(new Agreement(uuid(random), id, conversationId, texts[random.nextInt(texts.length)],
                    owner, partner, due, status, done, socialMapLink()));
        }

        private void referral(Builder out, UUID conversationId, LocalDate date) {
            LocalDate check = date.plusDays(28);
            ReferralStatus status = ReferralStatus.REFERRED;
            if (check.isBefore(today.minusDays(180))) {
                status = random.nextInt(10) < 8 ? ReferralStatus.COMPLETED : ReferralStatus.STOPPED;
            } else if (check.isBefore(today.minusDays(30))) {
                int p = random.nextInt(10);
                status = p < 5 ? ReferralStatus.COMPLETED : p < 8 ? ReferralStatus.ACCEPTED
                        : p < 9 ? ReferralStatus.STOPPED : ReferralStatus.REFERRED;
            } else if (random.nextBoolean()) {
                status = ReferralStatus.ACCEPTED;
            }
            out.referrals.add(new Referral(uuid(random), id, conversationId,
                    Texts.PARTNERS[random.nextInt(Texts.PARTNERS.length)], random.nextInt(20) < 7, date, status, check,
                    socialMapLink()));
        }

        private void plan(Builder out, LocalDate updated) {
            List<PlanGoal> goals = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            for (int g = 0; g < count; g++) {
                String domain = Texts.LIFE_DOMAINS[random.nextInt(Texts.LIFE_DOMAINS.length)];
                List<PlanStep> steps = new ArrayList<>();
                int stepCount = 1 + random.nextInt(3);
                for (int s = 0; s < stepCount; s++) {
                    steps.add(new PlanStep(partId("step", g * 10 + s), Texts.STEPS[random.nextInt(Texts.STEPS.length)],
                            random.nextBoolean()));
                }
                goals.add(new PlanGoal(partId("goal", g), domain, Texts.GOALS[random.nextInt(Texts.GOALS.length)], steps));
            }
            uuid(random); // the draw the plan's id once took, so the rest of the story stays as it was
            out.plans.add(new DevelopmentPlan(DevelopmentPlan.idFor(id), id, goals, updated));
        }

        /** Ids of a plan's goals and steps, derived from the resident's id so the random stream stays as it was. */
        private UUID partId(String part, int index) {
            return UUID.nameUUIDFromBytes((id + "/" + part + "/" + index).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        /** Now and then an agreement or referral points to a sociale-kaart entry in the resident's area. */
        private UUID socialMapLink() {
            if (random.nextInt(5) != 0) {
                return null;
            }
            return socialMap.get(random.nextInt(socialMap.size())).id();
        }

        private void appointment(Builder out, LocalDate day, LocalTime time) {
            out.appointments.add(new Appointment(uuid(random), id, day.atTime(time).atZone(AMSTERDAM).toInstant(),
                    60, random.nextInt(5) < 4 ? Place.HOME : Place.WIJK_LOCATION));
        }

        private void attempt(Builder out, LocalDate date, ContactChannel channel, ContactResult result) {
            out.attempts.add(new ContactAttempt(uuid(random), id, date, channel, result));
        }

        private Place place() {
            int p = random.nextInt(20);
            return p < 14 ? Place.HOME : p < 16 ? Place.WIJK_LOCATION : p < 18 ? Place.OFFICE : p < 19 ? Place.PHONE : Place.VIDEO;
        }

        /** A rating from 1 to 10 around the mean the In Beeld pilot reported; a few residents give none. */
        private Integer rating(double mean) {
            if (random.nextInt(10) == 0) {
                return null;
            }
            long value = Math.round(mean + random.nextGaussian() * 1.1);
            return (int) Math.max(1, Math.min(10, value));
        }

        private LocalDate daysAgo(int min, int max) {
            LocalDate day = today.minusDays(min + random.nextInt(max - min));
            return day.isBefore(PROGRAMME_START) ? PROGRAMME_START : day;
        }

        private int pick(int[] values) {
            return values[random.nextInt(values.length)];
        }
    }
}
