package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SmartRecruiters posting API (job-board-apis.md §2.5): {@code GET /v1/companies/{id}/postings?limit=100&offset=n}
 * (with {@code q} when searching), paged by the returned {@code limit} until {@code totalFound} or a short page;
 * then {@code GET .../postings/{postingId}} per posting for the description sections and the posting URL. A posting
 * whose detail cannot be fetched keeps what the list gave.
 */
final class SmartRecruitersClient implements AtsClient<SmartRecruitersConfig> {

    private static final Logger log = LoggerFactory.getLogger(SmartRecruitersClient.class);
    static final URI API = URI.create("https://api.smartrecruiters.com");
    static final int PAGE_SIZE = 100;
    private static final List<String> SECTIONS =
            List.of("companyDescription", "jobDescription", "qualifications", "additionalInformation");

    private final AtsHttp http;
    private final AtsProperties properties;
    private final Clock clock;

    SmartRecruitersClient(AtsHttp http, AtsProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public URI base(SmartRecruitersConfig config) {
        return properties.baseUrls().getOrDefault(AtsPlatform.SMARTRECRUITERS, API);
    }

    @Override
    public void fetch(SmartRecruitersConfig config, String searchTerm, Batches out) throws InterruptedException {
        String postingsPath = "/v1/companies/" + config.companyIdentifier() + "/postings";
        String query = searchTerm == null ? "" : "&q=" + URLEncoder.encode(searchTerm, StandardCharsets.UTF_8);
        // page by page: a list page, its details, then the page goes out; only one page is ever held
        int listed = 0;
        int offset = 0;
        while (listed < properties.maxPostings()) {
            URI page = AtsClient.join(base(config), postingsPath + "?limit=" + PAGE_SIZE + "&offset=" + offset + query);
            JsonNode response = http.getJson(page, Map.of());
            JsonNode content = AtsClient.array(response, "content", AtsHttp.hostKey(page));
            for (JsonNode item : content) {
                if (listed++ >= properties.maxPostings()) {
                    break;
                }
                Posting posting = posting(config, postingsPath, item, searchTerm);
                if (posting != null && !out.add(posting)) {
                    out.flush();
                    return;
                }
            }
            if (!out.flush()) {
                return;
            }
            int limit = response.path("limit").asInt(PAGE_SIZE);
            int totalFound = response.path("totalFound").asInt(0);
            offset += limit > 0 ? limit : PAGE_SIZE;
            if (content.isEmpty() || content.size() < limit || offset >= totalFound) {
                break;
            }
        }
        out.flush();
    }

    private Posting posting(SmartRecruitersConfig config, String postingsPath, JsonNode item, String searchTerm)
            throws InterruptedException {
        String id = Json.text(item, "id");
        String title = Json.text(item, "name");
        if (id == null || title == null || !id.matches("[A-Za-z0-9_-]{1,100}")) {
            return null;
        }
        JsonNode detail = detail(AtsClient.join(base(config), postingsPath + "/" + id));
        JsonNode location = item.path("location");
        String locationText = location(location);
        String department = Json.text(item.path("department"), "label");
        if (department == null) {
            department = Json.text(item.path("function"), "label");
        }
        String url = detail == null ? null : Json.text(detail, "postingUrl");
        if (url == null && detail != null) {
            url = Json.text(detail, "applyUrl");
        }
        if (url == null) {
            url = "https://jobs.smartrecruiters.com/" + config.companyIdentifier() + "/" + id;
        }
        return new Posting(AtsPlatform.SMARTRECRUITERS, id, title, locationText,
                remote(location, locationText), PostingDates.iso(Json.text(item, "releasedDate"), clock.getZone()),
                url, department, null, detail == null ? null : HtmlSanitizer.sanitize(description(detail)),
                searchTerm);
    }

    private JsonNode detail(URI uri) throws InterruptedException {
        try {
            return http.getJson(uri, Map.of());
        } catch (AtsFetchException failed) {
            if (failed.outcome() == FetchResult.Outcome.REFUSED) {
                throw failed;
            }
            log.debug("SmartRecruiters detail {} unavailable: {}", uri.getRawPath(), failed.getMessage());
            return null;
        }
    }

    private static String location(JsonNode location) {
        String full = Json.text(location, "fullLocation");
        if (full != null) {
            return full;
        }
        List<String> parts = new ArrayList<>();
        for (String field : List.of("city", "region", "country")) {
            String part = Json.text(location, field);
            if (part != null) {
                parts.add(field.equals("country") ? part.toUpperCase(Locale.ROOT) : part);
            }
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    private static Boolean remote(JsonNode location, String locationText) {
        Boolean remote = Json.bool(location, "remote");
        if (Boolean.TRUE.equals(remote)) {
            return Boolean.TRUE;
        }
        if (remote != null || Boolean.TRUE.equals(Json.bool(location, "hybrid"))) {
            return Boolean.FALSE;
        }
        return Locations.remoteFromText(locationText);
    }

    private static String description(JsonNode detail) {
        JsonNode sections = detail.path("jobAd").path("sections");
        StringBuilder html = new StringBuilder();
        for (String name : SECTIONS) {
            JsonNode section = sections.path(name);
            String text = Json.text(section, "text");
            if (text == null) {
                continue;
            }
            String title = Json.text(section, "title");
            if (title != null) {
                html.append("<h3>").append(HtmlSanitizer.escape(title)).append("</h3>");
            }
            html.append(text);
        }
        return html.toString();
    }
}
