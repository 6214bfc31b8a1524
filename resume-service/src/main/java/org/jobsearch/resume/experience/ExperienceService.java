package org.jobsearch.resume.experience;

import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The experience base and contact profile of each user. Everything is owner-scoped; an import replaces the owner's
 * whole base in one transaction, so a reader sees the old base or the new one, never a mix.
 */
@Service
public class ExperienceService {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExperienceService(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The base with its contact profile (null when none was saved); an owner without roles has an empty list. */
    @Transactional(readOnly = true)
    public ExperienceBase base(UUID ownerId) {
        return new ExperienceBase(findProfile(ownerId).orElse(null), roles(ownerId));
    }

    /** The roles in the owner's order, each with its projects in order and project keys filled in. */
    @Transactional(readOnly = true)
    public List<ExperienceRole> roles(UUID ownerId) {
        Map<String, List<ExperienceProject>> projects = new LinkedHashMap<>();
        jdbc.sql("""
                        select role_key, project_key, short_name, problem_context, actions, tools, outcomes
                        from experience_project where owner_id = :owner order by role_key, position""")
                .param("owner", ownerId)
                .query((rs, n) -> {
                    projects.computeIfAbsent(rs.getString("role_key"), k -> new ArrayList<>()).add(project(rs));
                    return null;
                }).list();
        return jdbc.sql("""
                        select role_key, company, title, location, start_date, end_date
                        from experience_role where owner_id = :owner order by position""")
                .param("owner", ownerId)
                .query((rs, n) -> new ExperienceRole(rs.getString("role_key"), rs.getString("company"),
                        rs.getString("title"), rs.getString("location"), rs.getDate("start_date").toLocalDate(),
                        rs.getDate("end_date") == null ? null : rs.getDate("end_date").toLocalDate(),
                        projects.getOrDefault(rs.getString("role_key"), List.of())))
                .list();
    }

    /**
     * Replaces the owner's base (and contact profile, when the document has one) atomically.
     *
     * @throws InvalidExperienceException for duplicate role keys or project names, or a role ending before it starts
     */
    @Transactional
    public ExperienceBase replace(UUID ownerId, ExperienceBase base) {
        checkConsistent(base);
        lockOwner(ownerId);
        if (base.contact() != null) {
            writeProfile(ownerId, base.contact());
        }
        jdbc.sql("delete from experience_role where owner_id = :owner").param("owner", ownerId).update();
        for (int r = 0; r < base.roles().size(); r++) {
            ExperienceRole role = base.roles().get(r);
            jdbc.sql("""
                            insert into experience_role (owner_id, role_key, position, company, title, location,
                                start_date, end_date)
                            values (:owner, :key, :position, :company, :title, :location, :start, :end)""")
                    .param("owner", ownerId).param("key", role.key()).param("position", r)
                    .param("company", role.company()).param("title", role.title()).param("location", role.location())
                    .param("start", Date.valueOf(role.startDate()))
                    .param("end", role.endDate() == null ? null : Date.valueOf(role.endDate()))
                    .update();
            for (int p = 0; p < role.projects().size(); p++) {
                ExperienceProject project = role.projects().get(p).withKey(role.key());
                jdbc.sql("""
                                insert into experience_project (owner_id, role_key, project_key, position, short_name,
                                    problem_context, actions, tools, outcomes)
                                values (:owner, :role, :key, :position, :name, :context, cast(:actions as jsonb),
                                    cast(:tools as jsonb), cast(:outcomes as jsonb))""")
                        .param("owner", ownerId).param("role", role.key()).param("key", project.key())
                        .param("position", p).param("name", project.shortName())
                        .param("context", project.problemContext())
                        .param("actions", json.writeValueAsString(project.actions()))
                        .param("tools", json.writeValueAsString(project.tools()))
                        .param("outcomes", json.writeValueAsString(project.outcomes()))
                        .update();
            }
        }
        return base(ownerId);
    }

    /** Maps a JSON Resume document onto the base and replaces the owner's base with it (see {@link JsonResumeMapper}). */
    @Transactional
    public ExperienceBase importJsonResume(UUID ownerId, JsonResume document) {
        return replace(ownerId, JsonResumeMapper.map(document));
    }

    @Transactional(readOnly = true)
    public ContactProfile profile(UUID ownerId) {
        return findProfile(ownerId).orElseThrow(() -> new ResourceNotFoundException("contact profile", ownerId));
    }

    @Transactional(readOnly = true)
    public Optional<ContactProfile> findProfile(UUID ownerId) {
        return jdbc.sql("select name, email, phone, location, links from contact_profile where owner_id = :owner")
                .param("owner", ownerId)
                .query((rs, n) -> new ContactProfile(rs.getString("name"), rs.getString("email"),
                        rs.getString("phone"), rs.getString("location"), json.readValue(rs.getString("links"), STRINGS)))
                .optional();
    }

    @Transactional
    public ContactProfile replaceProfile(UUID ownerId, ContactProfile profile) {
        writeProfile(ownerId, profile);
        return profile(ownerId);
    }

    private void writeProfile(UUID ownerId, ContactProfile profile) {
        jdbc.sql("""
                        insert into contact_profile (owner_id, name, email, phone, location, links, updated_at)
                        values (:owner, :name, :email, :phone, :location, cast(:links as jsonb), now())
                        on conflict (owner_id) do update set name = excluded.name, email = excluded.email,
                            phone = excluded.phone, location = excluded.location, links = excluded.links,
                            updated_at = excluded.updated_at""")
                .param("owner", ownerId).param("name", profile.name()).param("email", profile.email())
                .param("phone", profile.phone()).param("location", profile.location())
                .param("links", json.writeValueAsString(profile.links()))
                .update();
    }

    /** Two imports of one owner at once would otherwise interleave their delete and inserts. */
    private void lockOwner(UUID ownerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:owner, 0))")
                .param("owner", "experience:" + ownerId).query((rs, n) -> null).list();
    }

    private ExperienceProject project(ResultSet rs) throws SQLException {
        return new ExperienceProject(rs.getString("project_key"), rs.getString("short_name"),
                rs.getString("problem_context"), json.readValue(rs.getString("actions"), STRINGS),
                json.readValue(rs.getString("tools"), STRINGS), json.readValue(rs.getString("outcomes"), STRINGS));
    }

    static void checkConsistent(ExperienceBase base) {
        List<InvalidExperienceException.Problem> problems = new ArrayList<>();
        Set<String> roleKeys = new HashSet<>();
        for (int r = 0; r < base.roles().size(); r++) {
            ExperienceRole role = base.roles().get(r);
            String at = "/roles/" + r;
            if (!roleKeys.add(role.key())) {
                problems.add(new InvalidExperienceException.Problem(at + "/key",
                        "duplicate role key '" + role.key() + "'"));
            }
            if (role.endDate() != null && role.endDate().isBefore(role.startDate())) {
                problems.add(new InvalidExperienceException.Problem(at + "/endDate", "must not be before startDate"));
            }
            Set<String> projectKeys = new HashSet<>();
            for (int p = 0; p < role.projects().size(); p++) {
                ExperienceProject project = role.projects().get(p);
                if (!projectKeys.add(ExperienceProject.keyOf(role.key(), project.shortName()))) {
                    problems.add(new InvalidExperienceException.Problem(at + "/projects/" + p + "/shortName",
                            "another project of this role has the same short name"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidExperienceException(problems);
        }
    }
}
