package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ashby posting API (job-board-apis.md §2.4): {@code GET /posting-api/job-board/{org}?includeCompensation=true}
 * gives every posting in one response; unlisted postings are dropped. {@code workplaceType} wins over
 * {@code isRemote}. Pay is the salary components of the posting's compensation tiers.
 */
final class AshbyClient implements AtsClient<AshbyConfig> {

    static final URI API = URI.create("https://api.ashbyhq.com");

    private final AtsHttp http;
    private final AtsProperties properties;
    private final Clock clock;

    AshbyClient(AtsHttp http, AtsProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public URI base(AshbyConfig config) {
        return properties.baseUrls().getOrDefault(AtsPlatform.ASHBY, API);
    }

    @Override
    public void fetch(AshbyConfig config, String searchTerm, Batches out) throws InterruptedException {
        URI uri = AtsClient.join(base(config),
                "/posting-api/job-board/" + config.organization() + "?includeCompensation=true");
        http.streamBoard(uri, "jobs", out, this::posting);
    }

    private Posting posting(JsonNode job) {
        String id = Json.text(job, "id");
        String title = Json.text(job, "title");
        if (id == null || title == null || Boolean.FALSE.equals(Json.bool(job, "isListed"))) {
            return null;
        }
        List<String> locations = new ArrayList<>();
        locations.add(Json.text(job, "location"));
        job.path("secondaryLocations").forEach(l -> locations.add(Json.text(l, "location")));
        String location = Locations.join(locations.stream().filter(l -> l != null).toList());
        String department = Json.text(job, "department");
        if (department == null) {
            department = Json.text(job, "team");
        }
        String url = Json.text(job, "jobUrl");
        if (url == null) {
            url = Json.text(job, "applyUrl");
        }
        return new Posting(AtsPlatform.ASHBY, id, title, location, remote(job, location),
                PostingDates.iso(Json.text(job, "publishedAt"), clock.getZone()), url, department,
                compensation(job), HtmlSanitizer.sanitize(Json.text(job, "descriptionHtml")), null);
    }

    private static Boolean remote(JsonNode job, String location) {
        String workplace = Json.text(job, "workplaceType");
        if (workplace != null) {
            switch (workplace.toLowerCase(Locale.ROOT)) {
                case "remote":
                    return Boolean.TRUE;
                case "hybrid", "onsite", "on-site":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        Boolean isRemote = Json.bool(job, "isRemote");
        return isRemote != null ? isRemote : Locations.remoteFromText(location);
    }

    /**
     * The salary range across the tiers' {@code Salary} components that share the first one's currency and interval;
     * the summary is Ashby's own. None when the company does not display pay.
     */
    private static Compensation compensation(JsonNode job) {
        if (Boolean.FALSE.equals(Json.bool(job, "shouldDisplayCompensationOnJobPostings"))) {
            return null;
        }
        JsonNode compensation = job.path("compensation");
        String summary = Json.text(compensation, "scrapeableCompensationSalarySummary");
        if (summary == null) {
            summary = Json.text(compensation, "compensationTierSummary");
        }
        BigDecimal min = null;
        BigDecimal max = null;
        String currency = null;
        String interval = null;
        for (JsonNode tier : compensation.path("compensationTiers")) {
            for (JsonNode component : tier.path("components")) {
                if (!"salary".equalsIgnoreCase(Json.text(component, "compensationType"))) {
                    continue;
                }
                String componentCurrency = Json.text(component, "currencyCode");
                String componentInterval = Json.text(component, "interval");
                if (currency == null && interval == null) {
                    currency = componentCurrency;
                    interval = componentInterval;
                } else if (!same(currency, componentCurrency) || !same(interval, componentInterval)) {
                    continue;
                }
                min = lower(min, Json.decimal(component, "minValue"));
                max = higher(max, Json.decimal(component, "maxValue"));
            }
        }
        return Compensation.of(min, max, currency, Compensation.Interval.parse(interval), summary);
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static BigDecimal lower(BigDecimal current, BigDecimal candidate) {
        return current == null || (candidate != null && candidate.compareTo(current) < 0) ? candidate : current;
    }

    private static BigDecimal higher(BigDecimal current, BigDecimal candidate) {
        return current == null || (candidate != null && candidate.compareTo(current) > 0) ? candidate : current;
    }
}
