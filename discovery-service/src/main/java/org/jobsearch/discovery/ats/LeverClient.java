package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lever postings API (job-board-apis.md §2.3): {@code GET /v0/postings/{site}?mode=json} answers a bare array of
 * every posting; an unknown site answers {@code {"ok":false,"error":"Document not found"}} (or 404). The title is
 * {@code text}, {@code createdAt} is epoch milliseconds, and the description is {@code description} plus the
 * {@code lists} (requirements) plus {@code additional}.
 */
final class LeverClient implements AtsClient<LeverConfig> {

    static final URI API = URI.create("https://api.lever.co");
    static final URI EU_API = URI.create("https://api.eu.lever.co");

    private final AtsHttp http;
    private final AtsProperties properties;
    private final Clock clock;

    LeverClient(AtsHttp http, AtsProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public URI base(LeverConfig config) {
        return properties.baseUrls().getOrDefault(AtsPlatform.LEVER, config.eu() ? EU_API : API);
    }

    @Override
    public void fetch(LeverConfig config, String searchTerm, Batches out) throws InterruptedException {
        URI uri = AtsClient.join(base(config), "/v0/postings/" + config.site() + "?mode=json");
        http.streamJson(uri, Map.of(), parser -> {
            if (parser.currentToken() == JsonToken.START_OBJECT) {
                JsonNode response = http.readValue(parser);
                if (Boolean.FALSE.equals(Json.bool(response, "ok"))) {
                    throw new AtsFetchException(FetchResult.Outcome.NOT_FOUND, "Lever site '" + config.site()
                            + "' not found: " + Json.text(response, "error"));
                }
            }
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new AtsFetchException(FetchResult.Outcome.FAILED, "unexpected response from "
                        + AtsHttp.hostKey(uri) + ": expected an array of postings");
            }
            http.forEachElement(parser, job -> AtsHttp.add(out, posting(job)));
            return null;
        });
        out.flush();
    }

    private Posting posting(JsonNode job) {
        String id = Json.text(job, "id");
        String title = Json.text(job, "text");
        if (id == null || title == null) {
            return null;
        }
        JsonNode categories = job.path("categories");
        List<String> locations = new ArrayList<>();
        locations.add(Json.text(categories, "location"));
        categories.path("allLocations").forEach(l -> locations.add(Json.text(l)));
        String location = Locations.join(locations.stream().filter(l -> l != null).toList());
        String department = Json.text(categories, "department");
        if (department == null) {
            department = Json.text(categories, "team");
        }
        String url = Json.text(job, "hostedUrl");
        if (url == null) {
            url = Json.text(job, "applyUrl");
        }
        return new Posting(AtsPlatform.LEVER, id, title, location, remote(job, location),
                PostingDates.epochMillis(job.path("createdAt").asLong(0), clock.getZone()), url, department,
                compensation(job), HtmlSanitizer.sanitize(description(job)), null);
    }

    private static Boolean remote(JsonNode job, String location) {
        String workplace = Json.text(job, "workplaceType");
        if (workplace != null) {
            switch (workplace.toLowerCase(Locale.ROOT)) {
                case "remote":
                    return Boolean.TRUE;
                case "on-site", "onsite", "hybrid":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        return Locations.remoteFromText(location);
    }

    private static Compensation compensation(JsonNode job) {
        JsonNode range = job.path("salaryRange");
        String summary = Json.text(job, "salaryDescriptionPlain");
        return Compensation.of(Json.decimal(range, "min"), Json.decimal(range, "max"), Json.text(range, "currency"),
                Compensation.Interval.parse(Json.text(range, "interval")), summary);
    }

    private static String description(JsonNode job) {
        StringBuilder html = new StringBuilder();
        String description = Json.text(job, "description");
        if (description != null) {
            html.append(description);
        }
        for (JsonNode list : job.path("lists")) {
            String heading = Json.text(list, "text");
            String items = Json.text(list, "content");
            if (heading != null) {
                html.append("<h3>").append(HtmlSanitizer.escape(heading)).append("</h3>");
            }
            if (items != null) {
                html.append("<ul>").append(items).append("</ul>");
            }
        }
        String additional = Json.text(job, "additional");
        if (additional != null) {
            html.append(additional);
        }
        return html.toString();
    }
}
