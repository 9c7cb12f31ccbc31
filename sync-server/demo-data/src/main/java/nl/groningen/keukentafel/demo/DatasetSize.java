package nl.groningen.keukentafel.demo;

import java.util.Locale;

/** The sizes the generator makes; each coach keeps about 150 residents. */
public enum DatasetSize {
    /** One coach with a caseload a newcomer can click through. */
    DEMO(150),
    /** One area team: 1,500 residents, about 7,500 conversations. */
    AREA(1_500),
    /** The whole city: 11,000 residents on benefit. */
    CITY(11_000);

    public static final int RESIDENTS_PER_COACH = 150;

    private final int residents;

    DatasetSize(int residents) {
        this.residents = residents;
    }

    public int residents() {
        return residents;
    }

    public int coaches() {
        return (residents + RESIDENTS_PER_COACH - 1) / RESIDENTS_PER_COACH;
    }

    /** Reads "demo", "area" or "city" as typed on a command line. */
    public static DatasetSize parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
