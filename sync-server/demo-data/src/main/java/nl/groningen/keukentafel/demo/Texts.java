package nl.groningen.keukentafel.demo;

import java.util.Random;

/** Sample Dutch texts for conversations and agreements; codes refer to the standard reference data. */
final class Texts {

    static final String[] LIFE_DOMAINS = {
        "daily_life", "physical_health", "mental_health", "care_for_others", "money_and_debts",
        "social_contacts", "housing", "education", "paid_work"
    };

    static final String[] OUTCOMES = {
        "work_potential", "care_need", "exemption_request", "not_active_content", "not_active_content",
        "not_active_wants_support", "not_active_wants_support", "not_active_wants_own", "active", "active",
        "active_wants_more"
    };

    static final String[] PROVISIONS = {"bijzondere_bijstand", "stadjerspas", "laptopregeling", "kwijtschelding", "wijkactiviteiten"};

    static final String[] PARTNERS = {"cnw", "wij", "meedoen", "rc_mp", "werkpro", "gkb", "ggz"};

    static final String[] ACTIVITIES = {
        "Helpt twee ochtenden per week in het buurthuis.", "Zorgt voor een zieke ouder.",
        "Wandelt dagelijks met de hond, verder weinig buiten de deur.", "Doet vrijwilligerswerk bij de voedselbank.",
        "Volgt een taalcursus in de wijk.", "Past op de kleinkinderen.", "Nog geen vaste activiteiten."
    };

    static final String[] WISHES = {
        "Wil graag weer onder de mensen komen.", "Zou een opleiding in de zorg willen volgen.",
        "Wil eerst de schulden op orde hebben.", "Wil graag iets met de handen doen.",
        "Zou betaald werk willen, parttime.", "Is tevreden zoals het nu gaat."
    };

    static final String[] GOALS = {
        "Over drie maanden een vaste dagbesteding.", "Dit jaar een cursus afronden.",
        "Wekelijks iets in de wijk doen.", "Rust in de financiën.", "Een proefplaatsing bij WerkPro."
    };

    static final String[] STEPS = {
        "Kennismaken bij het buurtcentrum", "CV bijwerken met de coach", "Proefdag afspreken",
        "Aanmelden bij de taalcursus", "Budgetplan maken met de Kredietbank", "Elke week een wandeling met de buurvrouw",
        "Informatie opvragen over een opleiding"
    };

    static final String[] COACH_AGREEMENTS = {
        "Vrijwilligerswerk in de wijk opzoeken", "CV-check regelen bij Centrum naar Werk",
        "Informatie over de Stadjerspas toesturen", "Contact leggen met het buurtcentrum",
        "Aanvraag kwijtschelding samen nakijken", "Terugbellen over de laptopregeling"
    };

    static final String[] RESIDENT_AGREEMENTS = {
        "CV online zetten", "Langsgaan bij het buurtcentrum", "Aanmelden voor de taalcursus",
        "Afspraak maken bij de huisarts", "Proefdag vrijwilligerswerk", "Formulier bijzondere bijstand invullen"
    };

    static final String[] PARTNER_AGREEMENTS = {
        "Intakegesprek plannen", "Budgetgesprek voeren", "Kennismaking met de coach Meedoen",
        "Warme overdracht afronden"
    };

    private static final String[] NOTES = {
        "Besproken, geen vraag op dit moment.", "Wil hier graag hulp bij.", "Gaat goed, blijft aandacht vragen.",
        "Maakt zich zorgen, samen verder kijken.", "Zelf al mee bezig.", "Komt volgende keer terug."
    };

    private Texts() {
    }

    static String note(String domain, Random random) {
        return NOTES[(domain.length() + random.nextInt(NOTES.length)) % NOTES.length];
    }
}
