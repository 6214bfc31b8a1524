package org.jobsearch.discovery.company;

import org.jobsearch.discovery.searchconfig.Terms;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The shared company catalog: any user adds a company, only an admin edits or removes one; each user follows
 * companies with their own exclude terms.
 */
@Service
@Transactional(readOnly = true)
public class CompanyService {

    private final CompanyRepository companies;
    private final Clock clock = Clock.systemUTC();

    CompanyService(CompanyRepository companies) {
        this.companies = companies;
    }

    public Page<CompanyView> list(UUID viewer, int page, int size) {
        return new PageImpl<>(companies.page(viewer, page, size), PageRequest.of(page, size), companies.count());
    }

    public CompanyView get(UUID viewer, UUID id) {
        return companies.find(viewer, id).orElseThrow(() -> new ResourceNotFoundException("company", id));
    }

    /** Adds a company to the catalog; a board already in it is a {@link DuplicateCompanyException}. */
    @Transactional
    public CompanyView add(CurrentUser user, CompanyCommand command) {
        rejectDuplicate(command, null);
        UUID id = UUID.randomUUID();
        companies.insert(id, command, user.id(), clock.instant());
        return get(user.id(), id);
    }

    @Transactional
    public CompanyView update(CurrentUser user, UUID id, CompanyCommand command) {
        requireAdmin(user);
        rejectDuplicate(command, id);
        if (companies.update(id, command, clock.instant()) == 0) {
            throw new ResourceNotFoundException("company", id);
        }
        return get(user.id(), id);
    }

    /** Removes the company with its follows and listings (and so every user's review of them). */
    @Transactional
    public void delete(CurrentUser user, UUID id) {
        requireAdmin(user);
        if (companies.delete(id) == 0) {
            throw new ResourceNotFoundException("company", id);
        }
    }

    @Transactional
    public CompanyView follow(UUID ownerId, UUID id, List<String> excludeTerms) {
        get(ownerId, id);
        companies.follow(ownerId, id, Terms.clean(excludeTerms), clock.instant());
        return get(ownerId, id);
    }

    @Transactional
    public void unfollow(UUID ownerId, UUID id) {
        get(ownerId, id);
        companies.unfollow(ownerId, id);
    }

    /** Active companies with at least one follower; {@code onlyCompany} null for all. */
    public List<FollowedCompany> followed(UUID onlyCompany) {
        return companies.followed(onlyCompany);
    }

    private void rejectDuplicate(CompanyCommand command, UUID self) {
        String key = CompanyConfigs.key(command.config());
        companies.findIdByKey(key).filter(existing -> !existing.equals(self)).ifPresent(existing -> {
            throw new DuplicateCompanyException(key, existing);
        });
    }

    private static void requireAdmin(CurrentUser user) {
        if (!user.isAdmin()) {
            throw new AccessDeniedException("Only an admin may edit or remove a catalog company");
        }
    }
}
