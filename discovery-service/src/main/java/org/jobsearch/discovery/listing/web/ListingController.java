package org.jobsearch.discovery.listing.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.jobsearch.discovery.listing.ListingQuery;
import org.jobsearch.discovery.listing.ListingService;
import org.jobsearch.discovery.listing.ListingView;
import org.jobsearch.discovery.listing.ReviewStatus;
import org.jobsearch.discovery.listing.StatusConflictException;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.InvalidField;
import org.jobsearch.rest.PageResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** The caller's listings and their review status. */
@RestController
@RequestMapping("/api/discovery/listings")
class ListingController {

    private final ListingService listings;
    private final Clock clock = Clock.systemUTC();

    ListingController(ListingService listings) {
        this.listings = listings;
    }

    record StatusRequest(@NotNull ReviewStatus status) {
    }

    record BulkDismissRequest(@NotNull @Pattern(regexp = "new|interested", message = "must be new or interested")
                              String fromStatus) {
    }

    record BulkResult(int count) {
    }

    /**
     * Newest fetched first. {@code status}: {@code new} (default), {@code interested}, {@code dismissed},
     * {@code applied} or {@code all}; {@code keywords} in title or location; {@code postedWithinDays} counts back
     * from today (UTC).
     */
    @GetMapping
    PageResponse<ListingView> list(@Parameter(hidden = true) CurrentUser user,
                                   @RequestParam(defaultValue = "new")
                                   @Pattern(regexp = "new|interested|dismissed|applied|all") String status,
                                   @RequestParam(required = false) UUID companyId,
                                   @RequestParam(required = false) String keywords,
                                   @RequestParam(required = false) Boolean remote,
                                   @RequestParam(required = false) @Min(0) @Max(3650) Integer postedWithinDays,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        ListingQuery query = new ListingQuery(status.equals("all") ? null : ReviewStatus.of(status), companyId, keywords,
                remote, postedWithinDays == null ? null : LocalDate.now(clock).minusDays(postedWithinDays));
        return PageResponse.of(listings.list(user.id(), query, page, size), v -> v);
    }

    /** Visible listings per status: {@code {new, interested, dismissed, applied}}. */
    @GetMapping("/counts")
    Map<String, Long> counts(@Parameter(hidden = true) CurrentUser user) {
        Map<String, Long> counts = new LinkedHashMap<>();
        listings.counts(user.id()).forEach((status, n) -> counts.put(status.value(), n));
        return counts;
    }

    @PutMapping("/{id}/status")
    Map<String, String> setStatus(@Parameter(hidden = true) CurrentUser user, @PathVariable UUID id,
                                  @Valid @RequestBody StatusRequest request) {
        listings.setStatus(user.id(), id, request.status());
        return Map.of("status", request.status().value());
    }

    @PostMapping("/bulk-dismiss")
    BulkResult bulkDismiss(@Parameter(hidden = true) CurrentUser user, @Valid @RequestBody BulkDismissRequest request) {
        return new BulkResult(listings.bulkDismiss(user.id(), ReviewStatus.of(request.fromStatus()
                .toLowerCase(Locale.ROOT))));
    }

    /** Every visible interested listing becomes applied. */
    @PostMapping("/bulk-mark-applied")
    BulkResult bulkMarkApplied(@Parameter(hidden = true) CurrentUser user) {
        return new BulkResult(listings.bulkMarkApplied(user.id()));
    }

    @ExceptionHandler(StatusConflictException.class)
    ProblemDetail conflict(StatusConflictException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Status change not allowed");
        problem.setProperty("errors", List.of(InvalidField.atPointer("/status", e.getMessage())));
        return problem;
    }
}
