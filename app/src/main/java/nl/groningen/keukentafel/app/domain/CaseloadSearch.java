package nl.groningen.keukentafel.app.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import nl.groningen.keukentafel.contract.Resident;

/**
 * Search as you type over the caseload in memory: every word typed must occur in the resident's
 * name, address, postcode (with or without its space) or client number. Case and accents are
 * ignored ("zoe" finds "Zoë"). Residents are put in caseload order once, when the index is
 * built, so each keystroke is one pass that keeps that order. The decrypted text never leaves memory.
 */
public final class CaseloadSearch {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final List<Resident> residents;
    private final String[] haystacks;

    public CaseloadSearch(Collection<Resident> residents) {
        this.residents = CaseloadOrder.sort(residents);
        this.haystacks = new String[this.residents.size()];
        for (int i = 0; i < haystacks.length; i++) {
            Resident r = this.residents.get(i);
            haystacks[i] = normalise(String.join(" ", r.givenName(), nullToEmpty(r.surnamePrefix()), r.surname(),
                    r.street(), r.houseNumber(), r.postcode(), r.postcode().replace(" ", ""), r.clientNumber(),
                    r.fullName()));
        }
    }

    /** The residents whose searchable text holds every typed word, in caseload order. */
    public List<Resident> matching(String typed) {
        String query = typed == null ? "" : normalise(typed).trim();
        if (query.isEmpty()) {
            return List.copyOf(residents);
        }
        String[] words = SPACES.split(query);
        List<Resident> found = new ArrayList<>();
        for (int i = 0; i < haystacks.length; i++) {
            if (containsAll(haystacks[i], words)) {
                found.add(residents.get(i));
            }
        }
        return found;
    }

    private static boolean containsAll(String haystack, String[] words) {
        for (String word : words) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
