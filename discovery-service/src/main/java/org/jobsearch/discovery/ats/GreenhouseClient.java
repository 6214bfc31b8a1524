package org.jobsearch.discovery.ats;

import org.jobsearch.events.AtsPlatform;
import org.jsoup.parser.Parser;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Greenhouse job board API (job-board-apis.md §2.2): the whole board in one
 * {@code GET /v1/boards/{token}/jobs?content=true}. {@code content} is entity-escaped HTML, unescaped once before
 * sanitizing. The list carries no pay (only the single-job endpoint does), so compensation stays null.
 */
final class GreenhouseClient implements AtsClient<GreenhouseConfig> {

    static final URI API = URI.create("https://boards-api.greenhouse.io");

    private final AtsHttp http;
    private final AtsProperties properties;
    private final Clock clock;

    GreenhouseClient(AtsHttp http, AtsProperties properties, Clock clock) {
        this.http = http;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public URI base(GreenhouseConfig config) {
        return properties.baseUrls().getOrDefault(AtsPlatform.GREENHOUSE, API);
    }

    @Override
    public void fetch(GreenhouseConfig config, String searchTerm, Batches out) throws InterruptedException {
        URI uri = AtsClient.join(base(config), "/v1/boards/" + config.boardToken() + "/jobs?content=true");
        http.streamBoard(uri, "jobs", out, this::posting);
    }

    private Posting posting(JsonNode job) {
        String id = Json.text(job, "id");
        String title = Json.text(job, "title");
        if (id == null || title == null) {
            return null;
        }
        String location = Locations.clean(Json.text(job.path("location"), "name"));
        LocalDate posted = PostingDates.iso(Json.text(job, "first_published"), clock.getZone());
        if (posted == null) {
            posted = PostingDates.iso(Json.text(job, "updated_at"), clock.getZone());
        }
        List<String> departments = new ArrayList<>();
        job.path("departments").forEach(d -> {
            String name = Json.text(d, "name");
            if (name != null) {
                departments.add(name);
            }
        });
        String content = Json.text(job, "content");
        String description = content == null ? null
                : HtmlSanitizer.sanitize(Parser.unescapeEntities(content, false));
        return new Posting(AtsPlatform.GREENHOUSE, id, title, location, Locations.remoteFromText(location),
                posted, Json.text(job, "absolute_url"), departments.isEmpty() ? null : String.join(", ", departments),
                null, description, null);
    }
}
