package nl.groningen.keukentafel.app.domain;

import java.util.List;
import nl.groningen.keukentafel.contract.SocialMapEntry;

/** Finds sociale-kaart entries offline: typed words in name, description or address, within a wijk (city-wide entries always count). */
public final class SocialMapSearch {

    private SocialMapSearch() {
    }

    public static List<SocialMapEntry> find(List<SocialMapEntry> entries, String typed, String wijk) {
        String[] words = typed == null || typed.isBlank() ? new String[0]
                : CaseloadSearch.normalise(typed).trim().split("\\s+");
        return entries.stream()
                .filter(e -> wijk == null || wijk.isBlank() || wijk.equals(e.wijk()) || e.wijk().isBlank())
                .filter(e -> {
                    String haystack = CaseloadSearch.normalise(String.join(" ", e.name(), e.description(), e.address(),
                            e.wijk(), e.when()));
                    for (String word : words) {
                        if (!haystack.contains(word)) {
                            return false;
                        }
                    }
                    return true;
                })
                .sorted(java.util.Comparator.comparing(SocialMapEntry::wijk).thenComparing(SocialMapEntry::name))
                .toList();
    }
}
