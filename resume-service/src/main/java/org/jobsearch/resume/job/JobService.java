package org.jobsearch.resume.job;

import org.jobsearch.events.JdParsed;
import org.jobsearch.events.WorkSetting;
import org.jobsearch.messaging.outbox.OutboxWriter;
import org.jobsearch.resume.jd.JdParseService;
import org.jobsearch.resume.jd.ParsedJd;
import org.jobsearch.resume.listing.Listing;
import org.jobsearch.resume.listing.ListingService;
import org.jobsearch.rest.ResourceNotFoundException;
import org.jobsearch.resume.jd.JdPreprocessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Jobs: resume mints the job id, keeps the JD (as submitted and cleaned) and its parse, and publishes
 * {@link JdParsed} through the outbox in the same transaction as the job.
 */
@Service
public class JobService {

    private final JdParseService parses;
    private final ListingService listings;
    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate transaction;

    JobService(JdParseService parses, ListingService listings, OutboxWriter outbox, JdbcClient jdbc, JsonMapper json,
               PlatformTransactionManager transactionManager) {
        this.parses = parses;
        this.listings = listings;
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.json = json;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Creates the job: the JD is cleaned and parsed (outside a transaction when the caller has none, as a model call
     * may take a while), then the job and its {@code JdParsed} are written together. A repeated command (same
     * {@code requestId}) returns the job it created before.
     *
     * @throws ListingNotFoundException when {@code listingId} names no discovered listing
     */
    public JobView create(UUID ownerId, NewJob request) {
        return create(ownerId, request, parsed -> { });
    }

    /**
     * As {@link #create(UUID, NewJob)}, with a check of the parse that runs before anything is saved: when it throws,
     * neither the job nor its {@code JdParsed} exists (a resume whose template choice fails leaves no job behind).
     */
    public JobView create(UUID ownerId, NewJob request, java.util.function.Consumer<ParsedJd> beforeSave) {
        if (request.requestId() != null) {
            Optional<JobView> earlier = findByRequest(ownerId, request.requestId());
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Listing listing = request.listingId() == null ? null
                : listings.find(request.listingId()).orElseThrow(() -> new ListingNotFoundException(request.listingId()));
        String rawJd = listing == null ? request.jdText() : listingText(listing);
        UUID jobId = UUID.randomUUID();
        JdParseService.JdParse parse = parses.parse(ownerId, jobId, rawJd);
        ParsedJd parsed = listing == null ? parse.parsed() : withListingFacts(parse.parsed(), listing);
        beforeSave.accept(parsed);
        Instant now = Instant.now();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("""
                            insert into job (id, owner_id, request_id, source, source_listing_id, raw_jd, cleaned_jd,
                                jd_hash, parser, result, created_at)
                            values (:id, :owner, :request, :source, :listing, :raw, :cleaned, :hash, :parser,
                                cast(:result as jsonb), :createdAt)""")
                    .param("id", jobId).param("owner", ownerId).param("request", request.requestId())
                    .param("source", request.source()).param("listing", request.listingId()).param("raw", rawJd)
                    .param("cleaned", parse.cleanedJd()).param("hash", parse.jdHash()).param("parser", parse.parser())
                    .param("result", json.writeValueAsString(parsed))
                    .param("createdAt", java.sql.Timestamp.from(now))
                    .update();
            outbox.append(jdParsed(jobId, ownerId, request, rawJd, parse.cleanedJd(), parsed, now));
        });
        return new JobView(jobId, request.source(), request.listingId(), rawJd, parse.cleanedJd(), parse.parser(),
                parsed, now);
    }

    public JobView get(UUID ownerId, UUID jobId) {
        return jdbc.sql(SELECT + " where owner_id = :owner and id = :id")
                .param("owner", ownerId).param("id", jobId)
                .query((rs, n) -> view(rs))
                .optional()
                .orElseThrow(() -> new ResourceNotFoundException("job", jobId));
    }

    private Optional<JobView> findByRequest(UUID ownerId, UUID requestId) {
        return jdbc.sql(SELECT + " where owner_id = :owner and request_id = :request")
                .param("owner", ownerId).param("request", requestId)
                .query((rs, n) -> view(rs))
                .optional();
    }

    private static final String SELECT = """
            select id, source, source_listing_id, raw_jd, cleaned_jd, parser, result, created_at from job""";

    private JobView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new JobView(rs.getObject("id", UUID.class), rs.getString("source"),
                rs.getObject("source_listing_id", UUID.class), rs.getString("raw_jd"), rs.getString("cleaned_jd"),
                rs.getString("parser"), json.readValue(rs.getString("result"), ParsedJd.class),
                rs.getTimestamp("created_at").toInstant());
    }

    /** The listing's description as text, headed by its title and location as a pasted posting would be. */
    private static String listingText(Listing listing) {
        String description = listing.descriptionHtml() == null ? ""
                : JdPreprocessor.htmlToText(listing.descriptionHtml());
        StringBuilder text = new StringBuilder(listing.title());
        if (listing.location() != null && !listing.location().isBlank()) {
            text.append('\n').append(listing.location());
        }
        return text.append("\n\n").append(description).toString().strip();
    }

    /** The listing names the company and title for certain; the parse's guesses give way. */
    private static ParsedJd withListingFacts(ParsedJd parsed, Listing listing) {
        ParsedJd.Metadata m = parsed.metadata();
        ParsedJd.Metadata metadata = new ParsedJd.Metadata(listing.company(), listing.title(), m.role(),
                m.specialization(), m.level(), m.location() != null ? m.location() : listing.location(),
                m.workSetting(), m.minExperienceYears(), m.minSalary(), m.maxSalary(), m.externalJobId());
        return new ParsedJd(metadata, parsed.requirements(), parsed.contractTerms());
    }

    private static JdParsed jdParsed(UUID jobId, UUID ownerId, NewJob request, String rawJd, String cleanedJd,
                                     ParsedJd parsed, Instant now) {
        ParsedJd.Metadata m = parsed.metadata();
        JdParsed.JobMetadata metadata = new JdParsed.JobMetadata(m.company(), m.listingJobTitle(), m.role(),
                m.specialization(), m.level(), m.location(),
                WorkSetting.valueOf(m.workSetting().toUpperCase(Locale.ROOT)), m.minExperienceYears(), m.minSalary(),
                m.maxSalary(), m.externalJobId());
        ParsedJd.ContractTerms c = parsed.contractTerms();
        JdParsed.ContractTerms contract = c == null ? null : new JdParsed.ContractTerms(c.consultingCompany(),
                c.lengthMonths(), c.hourlyRateMin(), c.hourlyRateMax(), c.benefits(), c.pto());
        return new JdParsed(UUID.randomUUID(), now, jobId, ownerId, request.listingId(), request.source(), rawJd,
                cleanedJd, metadata,
                parsed.requirements().stream()
                        .map(r -> new JdParsed.Requirement(r.text(), r.keywords(), r.relevance())).toList(),
                contract);
    }
}
