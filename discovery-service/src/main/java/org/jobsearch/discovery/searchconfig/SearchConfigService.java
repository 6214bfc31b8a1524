package org.jobsearch.discovery.searchconfig;

import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Each user's search configs; nobody sees or changes another's. */
@Service
@Transactional(readOnly = true)
public class SearchConfigService {

    private final SearchConfigRepository configs;
    private final Clock clock = Clock.systemUTC();

    SearchConfigService(SearchConfigRepository configs) {
        this.configs = configs;
    }

    public List<SearchConfigView> list(UUID ownerId) {
        return configs.findByOwner(ownerId);
    }

    public SearchConfigView get(UUID ownerId, UUID id) {
        return configs.find(ownerId, id).orElseThrow(() -> new ResourceNotFoundException("search config", id));
    }

    @Transactional
    public SearchConfigView create(UUID ownerId, SearchConfigCommand command) {
        configs.findIdByTerm(ownerId, command.searchTerm()).ifPresent(existing -> {
            throw new DuplicateSearchTermException(command.searchTerm(), existing);
        });
        UUID id = UUID.randomUUID();
        configs.insert(id, ownerId, command, clock.instant());
        return get(ownerId, id);
    }

    @Transactional
    public SearchConfigView update(UUID ownerId, UUID id, SearchConfigCommand command) {
        configs.findIdByTerm(ownerId, command.searchTerm()).filter(other -> !other.equals(id)).ifPresent(existing -> {
            throw new DuplicateSearchTermException(command.searchTerm(), existing);
        });
        if (configs.update(ownerId, id, command, clock.instant()) == 0) {
            throw new ResourceNotFoundException("search config", id);
        }
        return get(ownerId, id);
    }

    @Transactional
    public void delete(UUID ownerId, UUID id) {
        if (configs.delete(ownerId, id) == 0) {
            throw new ResourceNotFoundException("search config", id);
        }
    }

    /** The active configs of these users, by user (users without one are absent). */
    public Map<UUID, List<SearchConfigView>> activeConfigsOf(Collection<UUID> owners) {
        return configs.findActiveByOwners(owners).stream()
                .collect(Collectors.groupingBy(SearchConfigView::ownerId, Collectors.toList()));
    }
}
