package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Workday CXS (job-board-apis.md §2.1): POST {@code /wday/cxs/{tenant}/{site}/jobs} pages of 20 with
 * {@code searchText}, then GET each posting's detail for its description, location and start date. {@code total}
 * is only reliable on the first page, so the largest total seen is kept; a short page ends paging when no total is
 * known. A posting whose detail cannot be fetched keeps what the list gave.
 */
final class WorkdayClient implements AtsClient<WorkdayConfig> {

    private static final Logger log = LoggerFactory.getLogger(WorkdayClient.class);
    static final int PAGE_SIZE = 20;

    private final AtsHttp http;
    private final AtsProperties properties;
    private final Clock clock;

    WorkdayClient(AtsHttp http, AtsProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public URI base(WorkdayConfig config) {
        URI override = properties.baseUrls().get(AtsPlatform.WORKDAY);
        return override != null ? override : properties.workdayBase(config.host());
    }

    @Override
    public void fetch(WorkdayConfig config, String searchTerm, Batches out) throws InterruptedException {
        URI base = base(config);
        String cxs = "/wday/cxs/" + config.tenant() + "/" + config.site();
        URI jobs = AtsClient.join(base, cxs + "/jobs");
        Map<String, String> headers = headers(base, base + "/" + config.site());

        // page by page: a list page, its details, then the page goes out; only one page is ever held
        int listed = 0;
        int total = 0;
        int offset = 0;
        int maxPages = properties.maxPostings() / PAGE_SIZE + 1;
        for (int page = 0; page < maxPages && listed < properties.maxPostings(); page++) {
            JsonNode response = http.postJson(jobs, headers, body(config, searchTerm, offset));
            JsonNode postings = AtsClient.array(response, "jobPostings", AtsHttp.hostKey(jobs));
            total = Math.max(total, response.path("total").asInt(0));
            if (postings.isEmpty()) {
                break;
            }
            for (JsonNode item : postings) {
                if (listed++ >= properties.maxPostings()) {
                    break;
                }
                Posting posting = posting(config, base, cxs, item, searchTerm);
                if (posting != null && !out.add(posting)) {
                    out.flush();
                    return;
                }
            }
            if (!out.flush()) {
                return;
            }
            offset += postings.size();
            if (total > 0 ? offset >= total : postings.size() < PAGE_SIZE) {
                break;
            }
        }
        out.flush();
    }

    private String body(WorkdayConfig config, String searchTerm, int offset) {
        ObjectNode body = http.json().createObjectNode();
        ObjectNode facets = body.putObject("appliedFacets");
        if (!config.locationFacetIds().isEmpty()) {
            config.locationFacetIds().forEach(facets.putArray("locations")::add);
        }
        body.put("limit", PAGE_SIZE);
        body.put("offset", offset);
        body.put("searchText", searchTerm == null ? "" : searchTerm);
        return http.json().writeValueAsString(body);
    }

    private Map<String, String> headers(URI base, String referer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept-Language", "en-US");
        headers.put("Origin", base.getScheme() + "://" + base.getRawAuthority());
        headers.put("Referer", referer);
        return headers;
    }

    private Posting posting(WorkdayConfig config, URI base, String cxs, JsonNode item, String searchTerm)
            throws InterruptedException {
        String title = Json.text(item, "title");
        String externalPath = Json.text(item, "externalPath");
        String id = externalId(item, externalPath);
        if (title == null || id == null) {
            log.debug("Workday {}/{}: skipping a posting without title or id", config.tenant(), config.site());
            return null;
        }
        String humanUrl = externalPath == null ? null : humanUrl(config, externalPath);
        JsonNode detail = externalPath == null ? null : detail(base, cxs, externalPath, humanUrl);

        String location = Json.text(item, "locationsText");
        if (location == null && externalPath != null) {
            location = locationFromPath(externalPath);
        }
        LocalDate posted = PostingDates.workdayRelative(Json.text(item, "postedOn"), clock);
        String url = humanUrl;
        String description = null;
        if (detail != null) {
            String detailLocation = Json.text(detail, "location");
            if (detailLocation != null) {
                List<String> all = new ArrayList<>(List.of(detailLocation));
                detail.path("additionalLocations").forEach(l -> all.add(Json.text(l)));
                location = Locations.join(all);
            }
            LocalDate start = PostingDates.iso(Json.text(detail, "startDate"), clock.getZone());
            if (start != null) {
                posted = start;
            }
            if (Json.text(detail, "externalUrl") != null) {
                url = Json.text(detail, "externalUrl");
            }
            description = HtmlSanitizer.sanitize(Json.text(detail, "jobDescription"));
        }
        return new Posting(AtsPlatform.WORKDAY, id, title, location, Locations.remoteFromText(location), posted, url,
                null, null, description, searchTerm);
    }

    /** The detail's {@code jobPostingInfo}, or null when it cannot be had (the list's data then stands alone). */
    private JsonNode detail(URI base, String cxs, String externalPath, String humanUrl) throws InterruptedException {
        if (!externalPath.startsWith("/") || externalPath.startsWith("//")) {
            return null;
        }
        try {
            URI uri = AtsClient.join(base, cxs + externalPath);
            JsonNode info = http.getJson(uri, headers(base, humanUrl == null ? base.toString() : humanUrl))
                    .get("jobPostingInfo");
            return info != null && info.isObject() ? info : null;
        } catch (AtsFetchException failed) {
            if (failed.outcome() == FetchResult.Outcome.REFUSED) {
                throw failed;
            }
            log.debug("Workday detail {} unavailable: {}", externalPath, failed.getMessage());
            return null;
        }
    }

    /** {@code bulletFields[0]} (the requisition id), else the suffix after the last {@code _} of the path. */
    static String externalId(JsonNode item, String externalPath) {
        JsonNode bullets = item.path("bulletFields");
        if (bullets.isArray() && !bullets.isEmpty() && Json.text(bullets.get(0)) != null) {
            return Json.text(bullets.get(0));
        }
        if (externalPath == null) {
            return null;
        }
        String last = externalPath.substring(externalPath.lastIndexOf('/') + 1);
        int underscore = last.lastIndexOf('_');
        String id = underscore >= 0 ? last.substring(underscore + 1) : last;
        return id.isBlank() ? null : id;
    }

    /** {@code /job/Hobart-TAS/Title_JR-1} → "Hobart TAS"; null when the path has no location segment. */
    static String locationFromPath(String externalPath) {
        String[] parts = externalPath.split("/");
        // "", "job", location, title
        return parts.length == 4 && parts[1].equals("job") ? parts[2].replace('-', ' ').strip() : null;
    }

    private static String humanUrl(WorkdayConfig config, String externalPath) {
        String site = config.onMyWorkdaySite() ? "/recruiting/" + config.tenant() + "/" + config.site()
                : "/" + config.site();
        return "https://" + config.host() + site + externalPath;
    }
}
