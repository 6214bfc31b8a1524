package org.jobsearch.resume.template;

import org.jobsearch.resume.render.ResumeRenderer;
import org.jobsearch.resume.render.ResumeTemplate;
import org.jobsearch.rest.ResourceNotFoundException;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Resume templates as data (the reference's ResumeTemplate + TemplateRoleConfig): the two built-ins, seeded from the
 * classpath at start-up and read-only, and each user's own, validated when uploaded. Chooses the template for a
 * parse by role, level and specialization.
 */
@Service
public class TemplateService implements SmartInitializingSingleton {

    /** Fixed ids, so the built-ins keep theirs across restarts and replicas. */
    static final UUID ENGINEER_ID = UUID.fromString("00000000-0000-4000-8000-00000000e001");
    static final UUID ANALYST_ID = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    private static final List<String> ENGINEER_ROLES = List.of("software_engineer", "data_engineer",
            "solutions_engineer");
    private static final List<String> ANALYST_ROLES = List.of("data_analyst", "business_analyst",
            "business_intelligence_engineer", "analytics_engineer", "data_scientist");
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<RoleConfig>> CONFIGS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ResumeRenderer renderer;
    private final TemplateValidator validator;

    TemplateService(JdbcClient jdbc, JsonMapper json, ResumeRenderer renderer, TemplateValidator validator) {
        this.jdbc = jdbc;
        this.json = json;
        this.renderer = renderer;
        this.validator = validator;
    }

    /** Writes the built-ins from the shipped HTML, so a new release's template reaches the database on start-up. */
    @Override
    public void afterSingletonsInstantiated() {
        seed(ENGINEER_ID, ResumeTemplate.ENGINEER, "Engineer", ENGINEER_ROLES,
                "Centred two-line contact block, experience first, \"Technical Skills\"");
        seed(ANALYST_ID, ResumeTemplate.ANALYST, "Analyst", ANALYST_ROLES,
                "One-line contact block, skills first, then experience");
    }

    private void seed(UUID id, ResumeTemplate template, String name, List<String> roles, String description) {
        jdbc.sql("""
                        insert into resume_template (id, owner_id, builtin_key, name, target_roles, description, html,
                            css, style_variant, role_configs, custom)
                        values (:id, null, :key, :name, cast(:roles as jsonb), :description, :html, '', 'standard',
                            '[]', false)
                        on conflict (id) do update set name = excluded.name, target_roles = excluded.target_roles,
                            description = excluded.description, html = excluded.html, updated_at = now()
                        where resume_template.html <> excluded.html or resume_template.name <> excluded.name
                           or resume_template.description <> excluded.description
                           or resume_template.target_roles <> excluded.target_roles""")
                .param("id", id).param("key", template.id()).param("name", name)
                .param("roles", json.writeValueAsString(roles)).param("description", description)
                .param("html", renderer.layout(template).html())
                .update();
    }

    /** The built-ins, then the owner's own by name; without HTML and CSS. */
    public List<TemplateView> list(UUID ownerId) {
        return jdbc.sql(SELECT + """
                         where owner_id is null or owner_id = :owner
                        order by owner_id nulls first, lower(name), id""")
                .param("owner", ownerId).query((rs, n) -> view(rs, false)).list();
    }

    /** @throws ResourceNotFoundException unless a built-in or the owner's own */
    public TemplateView get(UUID ownerId, UUID id) {
        return jdbc.sql(SELECT + " where id = :id and (owner_id is null or owner_id = :owner)")
                .param("id", id).param("owner", ownerId).query((rs, n) -> view(rs, true)).optional()
                .orElseThrow(() -> new ResourceNotFoundException("template", id));
    }

    /**
     * A template the owner may use, by a built-in's key ({@code engineer}) or a template id.
     *
     * @return empty when there is no such template or it is another user's
     */
    public Optional<TemplateView> find(UUID ownerId, String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        UUID id = parseId(reference);
        return jdbc.sql(SELECT + " where (builtin_key = :key or id = :id) and (owner_id is null or owner_id = :owner)")
                .param("key", reference.strip().toLowerCase(Locale.ROOT)).param("id", id).param("owner", ownerId)
                .query((rs, n) -> view(rs, true)).optional();
    }

    /**
     * The template for a parse: among the owner's templates and the built-ins whose target roles include the role,
     * whose level is the parse's or unset and whose specialization is the parse's or unset, the owner's own come
     * first, then the most specific (specialization, then level).
     */
    public Optional<TemplateView> choose(UUID ownerId, String role, String level, String specialization) {
        return jdbc.sql(SELECT + """
                         where (owner_id is null or owner_id = :owner)
                          and target_roles @> jsonb_build_array(cast(:role as text))
                          and (level is null or level = :level)
                          and (specialization is null or specialization = :specialization)
                        order by owner_id nulls last, specialization nulls last, level nulls last, created_at
                        limit 1""")
                .param("owner", ownerId).param("role", role).param("level", level)
                .param("specialization", normalize(specialization))
                .query((rs, n) -> view(rs, true)).optional();
    }

    /** @throws InvalidTemplateException naming each problem */
    public TemplateView create(UUID ownerId, TemplateInput input) {
        validator.validate(input);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into resume_template (id, owner_id, name, target_roles, level, specialization,
                            description, html, css, style_variant, role_configs, custom)
                        values (:id, :owner, :name, cast(:roles as jsonb), :level, :specialization, :description,
                            :html, :css, :style, cast(:configs as jsonb), true)""")
                .param("id", id).param("owner", ownerId).params(columns(input)).update();
        return get(ownerId, id);
    }

    /**
     * @throws TemplateReadOnlyException  for a built-in
     * @throws ResourceNotFoundException  for another user's or an unknown template
     */
    public TemplateView update(UUID ownerId, UUID id, TemplateInput input) {
        ownOnly(ownerId, id);
        validator.validate(input);
        jdbc.sql("""
                        update resume_template set name = :name, target_roles = cast(:roles as jsonb), level = :level,
                            specialization = :specialization, description = :description, html = :html, css = :css,
                            style_variant = :style, role_configs = cast(:configs as jsonb), updated_at = now()
                        where id = :id and owner_id = :owner""")
                .param("id", id).param("owner", ownerId).params(columns(input)).update();
        return get(ownerId, id);
    }

    /** Resumes already rendered with it keep their PDFs; a later re-render of them fails until another is chosen. */
    public void delete(UUID ownerId, UUID id) {
        ownOnly(ownerId, id);
        jdbc.sql("delete from resume_template where id = :id and owner_id = :owner")
                .param("id", id).param("owner", ownerId).update();
    }

    private void ownOnly(UUID ownerId, UUID id) {
        TemplateView template = get(ownerId, id);
        if (!template.custom()) {
            throw new TemplateReadOnlyException(template.key());
        }
    }

    private java.util.Map<String, Object> columns(TemplateInput input) {
        java.util.Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("name", input.name().strip());
        columns.put("roles", json.writeValueAsString(List.of(input.targetRole())));
        columns.put("level", input.level());
        columns.put("specialization", normalize(input.specialization()));
        columns.put("description", input.description() == null ? "" : input.description().strip());
        columns.put("html", input.html());
        columns.put("css", input.css() == null ? "" : input.css());
        columns.put("style", input.styleVariant());
        columns.put("configs", json.writeValueAsString(input.roleConfigs()));
        return columns;
    }

    /** "Full-Stack" and "fullstack" are the same specialization (the reference compared letters only). */
    static String normalize(String specialization) {
        if (specialization == null) {
            return null;
        }
        String letters = specialization.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return letters.isEmpty() ? null : letters;
    }

    private static UUID parseId(String reference) {
        try {
            return UUID.fromString(reference.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static final String SELECT = """
            select id, builtin_key, name, target_roles, level, specialization, description, html, css,
                style_variant, role_configs, custom, updated_at from resume_template""";

    private TemplateView view(ResultSet rs, boolean withMarkup) throws SQLException {
        List<String> roles = json.readValue(rs.getString("target_roles"), STRINGS);
        Timestamp updated = rs.getTimestamp("updated_at");
        return new TemplateView(rs.getObject("id", UUID.class), rs.getString("builtin_key"), rs.getString("name"),
                roles.get(0), roles, rs.getString("level"), rs.getString("specialization"),
                rs.getString("description"), rs.getString("style_variant"), rs.getBoolean("custom"),
                json.readValue(rs.getString("role_configs"), CONFIGS),
                withMarkup ? rs.getString("html") : null, withMarkup ? rs.getString("css") : null,
                updated == null ? Instant.EPOCH : updated.toInstant());
    }
}
