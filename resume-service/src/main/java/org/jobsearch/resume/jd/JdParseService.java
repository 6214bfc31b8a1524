package org.jobsearch.resume.jd;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Preprocesses and parses a JD, once per owner and text: the parse is kept under the SHA-256 of the cleaned text and
 * reused for the same text. Call it outside a database transaction: the parse may be a model call.
 */
@Service
public class JdParseService {

    private final JdParser parser;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdParseService(JdParser parser, JdbcClient jdbc, JsonMapper json) {
        this.parser = parser;
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * @param cleanedJd the JD after preprocessing
     * @param jdHash    SHA-256 (hex) of {@code cleanedJd}
     * @param reused    whether an earlier parse of the same text was reused
     */
    public record JdParse(String cleanedJd, String jdHash, ParsedJd parsed, String parser, boolean reused) {
    }

    public JdParse parse(UUID ownerId, UUID jobId, String rawJd) {
        String cleaned = JdPreprocessor.clean(rawJd);
        if (cleaned.isBlank()) {
            cleaned = rawJd.strip();
        }
        String hash = sha256(cleaned);
        Optional<JdParse> earlier = jdbc.sql("select parser, result from jd_parse where owner_id = :owner and jd_hash = :hash")
                .param("owner", ownerId).param("hash", hash)
                .query((rs, n) -> new JdParse(null, hash, json.readValue(rs.getString("result"), ParsedJd.class),
                        rs.getString("parser"), true))
                .optional();
        if (earlier.isPresent()) {
            return new JdParse(cleaned, hash, earlier.get().parsed(), earlier.get().parser(), true);
        }
        JdParser.Result result = parser.parse(new JdParser.Request(ownerId, jobId, cleaned, rawJd));
        // two requests with the same text at once: both parsed, the first stored wins and both results are valid
        jdbc.sql("""
                        insert into jd_parse (owner_id, jd_hash, parser, result) values (:owner, :hash, :parser, cast(:result as jsonb))
                        on conflict (owner_id, jd_hash) do nothing""")
                .param("owner", ownerId).param("hash", hash).param("parser", result.parser())
                .param("result", json.writeValueAsString(result.parsed()))
                .update();
        return new JdParse(cleaned, hash, result.parsed(), result.parser(), false);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
