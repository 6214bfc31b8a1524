package org.jobsearch.discovery.company.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jobsearch.discovery.ats.AtsConfigException;
import org.jobsearch.discovery.company.CompanyService;
import org.jobsearch.discovery.company.DuplicateCompanyException;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.PageResponse;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** The shared company catalog and the caller's follows. */
@RestController
@RequestMapping("/api/discovery/companies")
class CompanyController {

    private static final String BASE = "/api/discovery/companies/";

    private final CompanyService companies;

    CompanyController(CompanyService companies) {
        this.companies = companies;
    }

    /** Every company, by name, each with whether the caller follows it. */
    @GetMapping
    PageResponse<CompanyResponse> list(@Parameter(hidden = true) CurrentUser user,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "100") @Min(1) @Max(500) int size) {
        return PageResponse.of(companies.list(user.id(), page, size), CompanyResponse::of);
    }

    @GetMapping("/{id}")
    CompanyResponse get(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        return CompanyResponse.of(companies.get(user.id(), id));
    }

    /** Any user adds a company: from a careers URL, or an explicit config. */
    @PostMapping
    ResponseEntity<CompanyResponse> add(@Parameter(hidden = true) CurrentUser user,
                                        @Valid @RequestBody CompanyRequest request) {
        CompanyResponse created = CompanyResponse.of(companies.add(user, request.command()));
        return ResponseEntity.created(URI.create(BASE + created.id())).body(created);
    }

    /** Admins only. */
    @PutMapping("/{id}")
    CompanyResponse update(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                           @Valid @RequestBody CompanyRequest request) {
        return CompanyResponse.of(companies.update(user, id, request.command()));
    }

    /** Admins only; removes the company's listings and follows too. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        companies.delete(user, id);
    }

    @PutMapping("/{id}/follow")
    CompanyResponse follow(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                           @Valid @RequestBody(required = false) FollowRequest request) {
        return CompanyResponse.of(companies.follow(user.id(), id, request == null ? List.of() : request.excludeTerms()));
    }

    @DeleteMapping("/{id}/follow")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unfollow(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id) {
        companies.unfollow(user.id(), id);
    }

    @ExceptionHandler(DuplicateCompanyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateCompanyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Company already in the catalog");
        problem.setProperty("existingId", e.existingId());
        problem.setProperty("existing", BASE + e.existingId());
        return ResponseEntity.status(HttpStatus.CONFLICT).location(URI.create(BASE + e.existingId())).body(problem);
    }

    /** A careers URL or config the ATS layer cannot use: a 400 pointing at what was sent. */
    @ExceptionHandler(AtsConfigException.class)
    ProblemDetail invalidConfig(AtsConfigException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        String pointer = e.getMessage().startsWith("careers URL") || e.getMessage().startsWith("cannot") ? "/careersUrl"
                : "/config";
        problem.setProperty("errors", List.of(InvalidField.atPointer(pointer, e.getMessage())));
        return problem;
    }
}
