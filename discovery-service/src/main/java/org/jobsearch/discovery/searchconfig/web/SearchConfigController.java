package org.jobsearch.discovery.searchconfig.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import org.jobsearch.discovery.searchconfig.DuplicateSearchTermException;
import org.jobsearch.discovery.searchconfig.SearchConfigService;
import org.jobsearch.discovery.searchconfig.SearchConfigView;
import org.jobsearch.identity.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The signed-in user's search configs. */
@RestController
@RequestMapping("/api/discovery/search-configs")
class SearchConfigController {

    private static final String BASE = "/api/discovery/search-configs/";

    private final SearchConfigService configs;

    SearchConfigController(SearchConfigService configs) {
        this.configs = configs;
    }

    @GetMapping
    List<SearchConfigView> list(@Parameter(hidden = true) CurrentUser user) {
        return configs.list(user.id());
    }

    @GetMapping("/{id}")
    SearchConfigView get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return configs.get(user.id(), id);
    }

    @PostMapping
    ResponseEntity<SearchConfigView> create(@Parameter(hidden = true) CurrentUser user,
                                            @Valid @RequestBody SearchConfigRequest request) {
        SearchConfigView created = configs.create(user.id(), request.command());
        return ResponseEntity.created(URI.create(BASE + created.id())).body(created);
    }

    @PutMapping("/{id}")
    SearchConfigView update(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                            @Valid @RequestBody SearchConfigRequest request) {
        return configs.update(user.id(), id, request.command());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        configs.delete(user.id(), id);
    }

    @ExceptionHandler(DuplicateSearchTermException.class)
    ProblemDetail duplicate(DuplicateSearchTermException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Duplicate search term");
        problem.setProperty("existing", BASE + e.existingId());
        problem.setProperty("errors", List.of(org.jobsearch.rest.InvalidField.atPointer("/searchTerm", e.getMessage())));
        return problem;
    }
}
