package org.jobsearch.prep.preparation;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Prep documents, append-only: a regeneration or an edit adds a version, nothing is overwritten. */
@Repository
class DocumentStore {

    private static final TypeReference<Map<String, String>> SECTIONS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DocumentStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Call inside a transaction: versions of one document are numbered under a lock on the document. */
    PrepDocumentView append(UUID ownerId, UUID applicationId, UUID interviewId, Map<PrepSection, String> sections,
                            String generator, PrepSection editedSection, Instant now) {
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", Object.class,
                "prep_document:" + applicationId + ":" + interviewId);
        Integer last = jdbc.queryForObject("""
                select max(version) from prep_document
                where application_id = ? and interview_id is not distinct from ?""",
                Integer.class, applicationId, interviewId);
        int version = last == null ? 1 : last + 1;
        Map<String, String> byKey = new LinkedHashMap<>();
        sections.forEach((section, markdown) -> byKey.put(section.key(), markdown));
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into prep_document (id, owner_id, application_id, interview_id, version, sections, generator,
                                           edited_section, created_at)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""",
                id, ownerId, applicationId, interviewId, version, json.writeValueAsString(byKey), generator,
                editedSection == null ? null : editedSection.key(), Timestamp.from(now));
        return new PrepDocumentView(id, applicationId, interviewId, version, generator, "offline".equals(generator),
                editedSection == null ? null : editedSection.key(), now, ordered(byKey));
    }

    Optional<PrepDocumentView> latest(UUID ownerId, UUID applicationId, UUID interviewId) {
        return jdbc.query("""
                        select * from prep_document
                        where application_id = ? and interview_id is not distinct from ? and owner_id = ?
                        order by version desc limit 1""", mapper(), applicationId, interviewId, ownerId)
                .stream().findFirst();
    }

    /** Newest first. */
    List<PrepDocumentView> versions(UUID ownerId, UUID applicationId, UUID interviewId) {
        return jdbc.query("""
                select * from prep_document
                where application_id = ? and interview_id is not distinct from ? and owner_id = ?
                order by version desc""", mapper(), applicationId, interviewId, ownerId);
    }

    private RowMapper<PrepDocumentView> mapper() {
        return (rs, i) -> new PrepDocumentView(rs.getObject("id", UUID.class),
                rs.getObject("application_id", UUID.class), rs.getObject("interview_id", UUID.class),
                rs.getInt("version"), rs.getString("generator"), "offline".equals(rs.getString("generator")),
                rs.getString("edited_section"), rs.getTimestamp("created_at").toInstant(),
                ordered(json.readValue(rs.getString("sections"), SECTIONS)));
    }

    private static Map<String, String> ordered(Map<String, String> byKey) {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (PrepSection section : PrepSection.values()) {
            if (byKey.containsKey(section.key())) {
                ordered.put(section.key(), byKey.get(section.key()));
            }
        }
        return ordered;
    }
}
