package org.jobsearch.tracker.company.web;

import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jobsearch.identity.CurrentUser;
import org.jobsearch.rest.PageResponse;
import org.jobsearch.tracker.company.CompanyApplication;
import org.jobsearch.tracker.company.CompanyService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's history with a company (the reference's company page). */
@RestController
class CompanyController {

    private final CompanyService companies;

    CompanyController(CompanyService companies) {
        this.companies = companies;
    }

    /**
     * Applications to jobs whose company is exactly {@code name} (URL-encoded), newest applied first, each with its
     * derived status; {@code active=true|false} keeps active or inactive ones only. An unknown company has none.
     */
    @GetMapping("/api/tracker/companies/{name}/applications")
    PageResponse<CompanyApplication> applications(@Parameter(hidden = true) CurrentUser user,
                                                  @PathVariable @Size(max = 255) String name,
                                                  @RequestParam(required = false) Boolean active,
                                                  @RequestParam(defaultValue = "0") @Min(0) int page,
                                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return PageResponse.of(companies.applications(user.id(), name, active, page, size), entry -> entry);
    }

    /**
     * The same, the company named by a query parameter: any name works, also one with a '/' ("Procter/Gamble"),
     * which no server on the way (Tomcat, the gateway) accepts URL-encoded inside a path segment ({@code %2F}).
     */
    @GetMapping("/api/tracker/companies/applications")
    PageResponse<CompanyApplication> applicationsByName(@Parameter(hidden = true) CurrentUser user,
                                                        // not required by Spring: a missing name is then a
                                                        // @NotBlank violation, a Problem Details naming "name"
                                                        @RequestParam(required = false) @NotBlank @Size(max = 255)
                                                        String name,
                                                        @RequestParam(required = false) Boolean active,
                                                        @RequestParam(defaultValue = "0") @Min(0) int page,
                                                        @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return applications(user, name, active, page, size);
    }
}
