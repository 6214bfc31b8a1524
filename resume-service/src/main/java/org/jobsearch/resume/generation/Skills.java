package org.jobsearch.resume.generation;

import org.jobsearch.resume.experience.ExperienceRole;
import org.jobsearch.resume.jd.ParsedJd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The skills lines, without a model for every writer: the original spent a call (842 in / 184 out tokens) on what is
 * an intersection — JD keywords that are also the user's tools — and a grouping, both deterministic.
 */
final class Skills {

    /** The table's product names as written (capitalised ones only: "dashboards" or "on-call" are not products). */
    private static final List<String> PRODUCTS = new ArrayList<>();
    /** Skill categories by tool (lower case); a tool not listed goes under "Tools". */
    private static final Map<String, String> CATEGORIES = categories();

    private Skills() {
    }

    /** JD keywords (most relevant requirement first) that are also the user's tools, in at most four categories. */
    static List<ResumeContent.SkillsLine> select(List<ParsedJd.Requirement> requirements, List<ExperienceRole> roles) {
        List<ParsedJd.Requirement> byRelevance = requirements.stream()
                .sorted(Comparator.comparing(ParsedJd.Requirement::relevance).reversed()).toList();
        Map<String, String> tools = toolsOf(roles);
        Map<String, List<String>> lines = new LinkedHashMap<>();
        for (ParsedJd.Requirement requirement : byRelevance) {
            for (String keyword : requirement.keywords()) {
                String tool = tools.get(keyword.toLowerCase(Locale.ROOT));
                if (tool == null) {
                    continue;
                }
                String category = CATEGORIES.getOrDefault(tool.toLowerCase(Locale.ROOT), "Tools");
                if (!lines.containsKey(category) && lines.size() >= BulletWriter.MAX_SKILL_CATEGORIES) {
                    continue;
                }
                List<String> line = lines.computeIfAbsent(category, c -> new ArrayList<>());
                if (!line.contains(tool)) {
                    line.add(tool);
                }
            }
        }
        return lines.entrySet().stream().map(e -> new ResumeContent.SkillsLine(e.getKey(), e.getValue())).toList();
    }

    /** Every tool of every project, by lower-case name, spelled as the user first wrote it. */
    static Map<String, String> toolsOf(List<ExperienceRole> roles) {
        Map<String, String> tools = new LinkedHashMap<>();
        roles.forEach(role -> role.projects().forEach(p -> p.tools()
                .forEach(t -> tools.putIfAbsent(t.toLowerCase(Locale.ROOT), t))));
        return tools;
    }

    private static Map<String, String> categories() {
        Map<String, String> map = new LinkedHashMap<>();
        put(map, "Cloud & Infrastructure", "AWS", "GCP", "Azure", "Kubernetes", "EKS", "GKE", "AKS", "Helm",
                "Kustomize", "Docker", "Terraform", "Ansible", "IAM", "VPC", "RDS", "S3", "Lambda", "Linux", "Istio",
                "Linkerd", "OPA", "infrastructure as code", "service mesh");
        put(map, "Observability", "Prometheus", "Grafana", "OpenTelemetry", "Datadog", "Alertmanager", "ELK",
                "Grafana Tempo", "observability", "on-call", "postmortems");
        put(map, "CI/CD", "GitHub Actions", "Jenkins", "GitLab", "Git", "CI/CD", "Argo CD");
        put(map, "Languages", "Go", "Python", "Java", "Scala", "Kotlin", "TypeScript", "JavaScript", "SQL", "Bash");
        put(map, "Data", "Kafka", "Spark", "PySpark", "Airflow", "dbt", "Snowflake", "Redshift", "BigQuery",
                "Databricks", "PostgreSQL", "MySQL", "Iceberg", "Delta Lake", "Kinesis", "EMR", "AWS Glue", "pandas",
                "ETL", "data modeling", "dimensional modeling");
        put(map, "Analytics & BI", "Tableau", "Looker", "LookML", "Power BI", "Excel", "statistics",
                "experimentation", "A/B testing", "dashboards", "forecasting");
        put(map, "Frameworks", "Spring Boot", "Spring", "Django", "FastAPI", "React", "Node.js", "GraphQL", "JUnit",
                "Jest", "Playwright");
        return Map.copyOf(map);
    }

    /** Named technologies the table knows, e.g. Kubernetes, Datadog, GitHub Actions. */
    static List<String> knownProducts() {
        return List.copyOf(PRODUCTS);
    }

    private static void put(Map<String, String> map, String category, String... tools) {
        for (String tool : tools) {
            if (Character.isUpperCase(tool.charAt(0))) {
                PRODUCTS.add(tool);
            }
            map.put(tool.toLowerCase(Locale.ROOT), category);
        }
    }
}
