package nl.groningen.keukentafel.app.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.groningen.keukentafel.contract.Resident;

/**
 * The coach's caseload in memory: the residents and what is recorded about each. Decrypted from
 * the local store at unlock (the residents first, the records right after) and dropped at lock.
 * Made off the UI thread at unlock, then used from one thread (the UI's).
 */
public final class Caseload {

    private final Map<UUID, Resident> residents = new LinkedHashMap<>();
    private final Map<UUID, ResidentRecords> records = new HashMap<>();
    private CaseloadSearch search;

    /** Builds the search index too, so a caseload made off the UI thread (at unlock) comes ready to search. */
    public Caseload(Collection<Resident> residents, Map<UUID, ResidentRecords> records) {
        residents.forEach(r -> this.residents.put(r.id(), r));
        this.records.putAll(records);
        this.search = new CaseloadSearch(this.residents.values());
    }

    public List<Resident> residents() {
        return List.copyOf(residents.values());
    }

    public Optional<Resident> resident(UUID id) {
        return Optional.ofNullable(residents.get(id));
    }

    public ResidentRecords recordsOf(UUID residentId) {
        return records.getOrDefault(residentId, ResidentRecords.NONE);
    }

    public Map<UUID, ResidentRecords> allRecords() {
        return Map.copyOf(records);
    }

    public void put(Resident resident) {
        residents.put(resident.id(), resident);
        search = null;
    }

    public void put(UUID residentId, ResidentRecords updated) {
        records.put(residentId, updated);
    }

    /** A resident no longer in this coach's caseload (moved to another coach): gone from memory too. */
    public void remove(UUID residentId) {
        residents.remove(residentId);
        records.remove(residentId);
        search = null;
    }

    /** The records read after the residents: from now on every resident's records are in memory. */
    public void putAllRecords(Map<UUID, ResidentRecords> loaded) {
        records.putAll(loaded);
    }

    /** The residents matching a filter, in caseload order. */
    public List<Resident> find(CaseloadFilter filter, LocalDate today) {
        if (search == null) {
            search = new CaseloadSearch(residents.values());
        }
        return search.matching(filter.text()).stream()
                .filter(r -> filter.accepts(r, recordsOf(r.id()), today))
                .toList();
    }
}
