package nl.groningen.keukentafel.demo;

/** Invented names and streets: recognisably Groningen in shape, obviously not real people. */
final class Names {

    static final String[] GIVEN = {
        "Anna", "Bram", "Chantal", "Dirk", "Esra", "Fenna", "Gert", "Hanneke", "Ilse", "Jan", "Kees",
        "Lotte", "Mohamed", "Nadia", "Otto", "Petra", "Roel", "Samira", "Tjeerd", "Ursula", "Vincent",
        "Wietske", "Yusuf", "Zoë", "Albert", "Bianca", "Henk", "Ingrid", "Jelle", "Marieke", "Rik",
        "Sietske", "Thijs", "Wubbo", "Aaltje", "Geert", "Harm", "Jantje", "Klaas", "Roelie"
    };

    static final String[] COACH_GIVEN = {"Sanne", "Martijn", "Femke", "Joost", "Lieke", "Pieter", "Noor", "Bart"};

    static final String[] SURNAME_PREFIXES = {"", "", "", "", "de", "van", "van der", "ter", "van den"};

    private static final String[] SURNAME_STEMS = {
        "Oefen", "Proef", "Verzin", "Bedacht", "Denkbeeld", "Schets", "Voorbeeld", "Fictie", "Droom",
        "Schijn", "Kladblok", "Probeer", "Ontwerp", "Model", "Maaksel", "Verbeeld", "Gissing", "Vermoed"
    };

    private static final String[] SURNAME_SUFFIXES = {"sma", "stra", "inga", "ema", "huis", "ga", "ens", "kamp", "ker"};

    private static final String[] STREET_STEMS = {
        "Proef", "Oefen", "Schets", "Voorbeeld", "Denkbeeld", "Ontwerp", "Kladblok", "Fictie", "Verzin",
        "Droombeeld", "Maaksel", "Probeer", "Schijn", "Bedenk", "Gissing", "Model", "Vermoed", "Verbeeld",
        "Concept", "Schetsboek", "Kladpapier"
    };

    private static final String[] STREET_SUFFIXES = {"straat", "laan", "weg", "plein", "hof", "kade", "singel"};

    private Names() {
    }

    static String surname(int n) {
        return SURNAME_STEMS[n % SURNAME_STEMS.length] + SURNAME_SUFFIXES[(n / SURNAME_STEMS.length) % SURNAME_SUFFIXES.length];
    }

    static String street(int n) {
        return STREET_STEMS[n % STREET_STEMS.length] + STREET_SUFFIXES[(n / 3) % STREET_SUFFIXES.length];
    }
}
