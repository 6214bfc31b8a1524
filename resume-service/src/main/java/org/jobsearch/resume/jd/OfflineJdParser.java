package org.jobsearch.resume.jd;

import org.jobsearch.llm.LlmClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a JD without a model: requirements are the bullets (or requirement-like sentences) of the requirement and
 * responsibility sections, keywords come from a technology vocabulary and the JD's own acronyms and product names,
 * metadata from patterns (years, salary ranges, work setting, level words). Deterministic; labelled {@code offline}.
 */
final class OfflineJdParser implements JdParser {

    static final String PARSER = "offline";

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•·▪◦–]|\\d{1,2}[.)])\\s+(.*)$");
    private static final Pattern PREFERRED = Pattern.compile(
            "prefer|nice to have|bonus|plus|desired|optional", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIRED = Pattern.compile(
            "basic|minimum|required|requirements|must|qualifications|you have|bring|need|skills",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RESPONSIBILITIES = Pattern.compile(
            "responsibilit|what you'?ll do|you will|in this role|day to day|the role", Pattern.CASE_INSENSITIVE);
    private static final Pattern EDUCATION = Pattern.compile(
            "\\b(bachelor'?s|master'?s|ph\\.?d|degree|diploma|b\\.s\\.|m\\.s\\.)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUIREMENT_SENTENCE = Pattern.compile(
            "\\b(experience|proficien|knowledge|familiar|ability|able to|years|skills?|expert)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern YEARS = Pattern.compile(
            "(\\d{1,2})\\s*(?:\\+|(?:-|–|to)\\s*\\d{1,2})?\\s*\\+?\\s*years?", Pattern.CASE_INSENSITIVE);
    private static final String MONEY = "\\$\\s?(\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?\\s?[kK]?)";
    private static final Pattern SALARY_RANGE = Pattern.compile(
            MONEY + "[^$\\n]{0,60}?(?:-|–|—|\\bto\\b|\\band\\b)\\s*" + MONEY
                    + "(?!\\s*(?:/\\s*h(?:ou)?r|per hour|an hour|hourly))",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HOURLY_RANGE = Pattern.compile(
            MONEY + "\\s*(?:-|–|to)\\s*" + MONEY + "\\s*(?:/\\s*h(?:ou)?r|per hour|an hour|hourly)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTRACT = Pattern.compile(
            "\\b(contract(or)?|w-?2|c2c|corp[- ]to[- ]corp|1099)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTRACT_MONTHS = Pattern.compile("(\\d{1,2})[- ]?(?:\\+\\s*)?months?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JOB_ID = Pattern.compile(
            "\\b(?:job|req(?:uisition)?|posting)\\s*(?:id|#|no\\.?|number)?\\s*[:#]?\\s*#?\\s*([A-Z0-9][A-Z0-9_-]{2,40})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CITY_STATE = Pattern.compile(
            "\\b([A-Z][a-zA-Z.]+(?: [A-Z][a-zA-Z.]+){0,2}), ([A-Z]{2})\\b");
    private static final Pattern COMPANY = Pattern.compile(String.join("|",
            "^([A-Z][\\w&.' -]{1,40}?) is (?:an |proud to be an )?(?:equal|an equal)",
            "^About ([A-Z][\\w&.' -]{1,40})$",
            "^([A-Z][\\w&.' -]{1,40}?) (?:builds|helps|is a|is the)\\b",
            "\\bLife at ([A-Z][\\w&.' -]{1,40})$",
            "^Why ([A-Z][\\w&.' -]{1,40})\\?$"), Pattern.MULTILINE);
    private static final Set<String> STATES = Set.of("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI",
            "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH",
            "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
            "WV", "WI", "WY", "DC");

    /** Technologies and methods recognized in requirement text (matched as whole words, case-sensitive where short). */
    private static final List<String> VOCABULARY = List.of(
            "Kubernetes", "EKS", "GKE", "AKS", "Helm", "Kustomize", "Docker", "Terraform", "Ansible", "AWS", "GCP",
            "Azure", "IAM", "VPC", "RDS", "S3", "Lambda", "CI/CD", "GitHub Actions", "Jenkins", "GitLab", "Git",
            "Linux", "Prometheus", "Grafana", "OpenTelemetry", "Datadog", "Kafka", "Istio", "Linkerd", "Go", "Python",
            "Java", "Scala", "Kotlin", "TypeScript", "JavaScript", "React", "Node.js", "GraphQL", "REST", "Jest",
            "Playwright", "JUnit", "Spring Boot", "Spring", "Django", "FastAPI", "PostgreSQL", "MySQL", "SQL",
            "Snowflake", "Redshift", "BigQuery", "Databricks", "Spark", "PySpark", "Airflow", "dbt", "Iceberg",
            "Delta Lake", "Azure Data Factory", "AWS Glue", "EMR", "Kinesis", "Tableau", "Looker", "LookML",
            "Power BI", "pandas", "A/B tests", "A/B testing", "statistics", "experimentation", "data modeling",
            "dimensional modeling", "Kimball", "ETL", "machine learning", "Salesforce", "HubSpot", "HIPAA",
            "observability", "on-call", "postmortems", "code reviews", "unit tests", "microservices",
            "event-driven", "forecasting", "dashboards", "semantic layer", "service mesh", "infrastructure as code");
    private static final Pattern ACRONYM_OR_PRODUCT = Pattern.compile(
            "\\b([A-Z]{2,6}[0-9]?|[A-Z][a-z]+[A-Z][A-Za-z]+)\\b");
    private static final Set<String> NOT_KEYWORDS = Set.of("US", "USA", "OR", "AND", "API", "APIs", "ID", "II", "III",
            "IV", "LLC", "INC", "EEO", "PTO");

    private final LlmClient llm;

    OfflineJdParser(LlmClient llm) {
        this.llm = llm;
    }

    @Override
    public Result parse(Request request) {
        long started = System.nanoTime();
        ParsedJd parsed = extract(request.cleanedJd(), request.rawJd());
        llm.recordOffline(request.ownerId(), LlmJdParser.PURPOSE, request.jobId(), null,
                Duration.ofNanos(System.nanoTime() - started));
        return new Result(parsed, PARSER);
    }

    static ParsedJd extract(String cleanedJd, String rawJd) {
        String raw = rawJd == null ? cleanedJd : rawJd;
        List<ParsedJd.Requirement> requirements = requirements(cleanedJd);
        String title = title(cleanedJd);
        Integer[] salary = salary(raw);
        ParsedJd.Metadata metadata = new ParsedJd.Metadata(company(raw), title, role(title), specialization(title),
                level(title), location(cleanedJd), workSetting(cleanedJd), minYears(cleanedJd), salary[0], salary[1],
                externalJobId(cleanedJd));
        return new ParsedJd(metadata, requirements, contractTerms(cleanedJd));
    }

    // ------------------------------------------------------------------ requirements

    static List<ParsedJd.Requirement> requirements(String jd) {
        List<ParsedJd.Requirement> found = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        double relevance = 0.6;
        for (String line : jd.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            Matcher bullet = BULLET.matcher(trimmed);
            if (bullet.matches()) {
                String text = bullet.group(1).strip();
                if (!EDUCATION.matcher(text).find()) {
                    found.add(new ParsedJd.Requirement(text, keywords(text), relevance));
                }
            } else if (JdPreprocessor.isHeading(trimmed)) {
                relevance = sectionRelevance(trimmed);
            } else {
                for (String sentence : trimmed.split("(?<=[.!?])\\s+")) {
                    if (REQUIREMENT_SENTENCE.matcher(sentence).find() && !EDUCATION.matcher(sentence).find()
                            && sentence.length() <= 300) {
                        sentences.add(sentence);
                    }
                }
            }
        }
        if (found.isEmpty()) {
            for (String sentence : sentences) {
                found.add(new ParsedJd.Requirement(sentence, keywords(sentence), 0.6));
            }
        }
        return found.size() > 60 ? found.subList(0, 60) : found;
    }

    private static double sectionRelevance(String heading) {
        if (PREFERRED.matcher(heading).find()) {
            return 0.4;
        }
        if (REQUIRED.matcher(heading).find()) {
            return 0.9;
        }
        if (RESPONSIBILITIES.matcher(heading).find()) {
            return 0.7;
        }
        return 0.6;
    }

    static List<String> keywords(String text) {
        Set<String> keywords = new LinkedHashSet<>();
        for (String term : VOCABULARY) {
            boolean caseSensitive = term.length() <= 4;
            Pattern pattern = Pattern.compile("(?<![\\w/])" + Pattern.quote(term) + "(?![\\w/])",
                    caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
            if (pattern.matcher(text).find()) {
                keywords.add(term);
            }
        }
        Matcher products = ACRONYM_OR_PRODUCT.matcher(text);
        while (products.find()) {
            String token = products.group(1);
            if (!NOT_KEYWORDS.contains(token) && keywords.stream().noneMatch(k -> k.contains(token))) {
                keywords.add(token);
            }
        }
        return List.copyOf(keywords);
    }

    // ------------------------------------------------------------------ metadata

    private static String title(String jd) {
        for (String line : jd.split("\n")) {
            String trimmed = line.replaceAll("^#+\\s*|\\*\\*", "").strip();
            if (!trimmed.isEmpty()) {
                return trimmed.length() <= 255 ? trimmed : trimmed.substring(0, 255);
            }
        }
        return "Untitled position";
    }

    private static String company(String raw) {
        Matcher matcher = COMPANY.matcher(raw.replaceAll("</?[a-zA-Z][^>]*>", "\n").replaceAll("\\*\\*", ""));
        while (matcher.find()) {
            for (int group = 1; group <= matcher.groupCount(); group++) {
                String name = matcher.group(group);
                if (name != null && !name.isBlank() && !name.matches("(?i)(us|the (role|team|company)|you|we)")) {
                    return name.strip();
                }
            }
        }
        return "Unknown company";
    }

    static String role(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.contains("analytics engineer")) {
            return "analytics_engineer";
        }
        if (t.contains("business intelligence") || t.matches(".*\\bbi (engineer|developer)\\b.*")) {
            return "business_intelligence_engineer";
        }
        if (t.contains("business analyst")) {
            return "business_analyst";
        }
        if (t.contains("data scientist") || t.contains("machine learning scientist")) {
            return "data_scientist";
        }
        if (t.contains("data engineer")) {
            return "data_engineer";
        }
        if (t.contains("analyst")) {
            return "data_analyst";
        }
        if (t.contains("solutions engineer") || t.contains("sales engineer") || t.contains("solutions architect")) {
            return "solutions_engineer";
        }
        return "software_engineer";
    }

    private static String specialization(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\bfull[- ]?stack\\b.*")) {
            return "Full Stack";
        }
        if (t.matches(".*\\bback[- ]?end\\b.*")) {
            return "Backend";
        }
        if (t.matches(".*\\bpython\\b.*")) {
            return "Python";
        }
        return null;
    }

    static String level(String title) {
        String t = title.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\b(senior|sr\\.?|staff|principal|lead)\\b.*")) {
            return "senior";
        }
        if (t.matches(".*\\b(associate|junior|jr\\.?|entry[- ]level|new grad(uate)?)\\b.*")) {
            return "associate";
        }
        if (t.matches(".*\\b(iii|3)\\b.*")) {
            return "iii";
        }
        if (t.matches(".*\\b(ii|2)\\b.*")) {
            return "ii";
        }
        if (t.matches(".*\\b(i|1)\\b.*")) {
            return "i";
        }
        return null;
    }

    private static String location(String jd) {
        String head = String.join("\n", jd.lines().limit(6).toList());
        Matcher matcher = CITY_STATE.matcher(head + "\n" + jd);
        while (matcher.find()) {
            if (STATES.contains(matcher.group(2))) {
                return matcher.group(1) + ", " + matcher.group(2);
            }
        }
        return Pattern.compile("\\bremote\\b", Pattern.CASE_INSENSITIVE).matcher(jd).find() ? "Remote (U.S.)" : null;
    }

    static String workSetting(String jd) {
        String text = jd.toLowerCase(Locale.ROOT);
        if (text.matches("(?s).*\\bhybrid\\b.*")) {
            return "hybrid";
        }
        if (text.matches("(?s).*\\b(on-?site|in[- ]office|in the office)\\b.*")) {
            return "on_site";
        }
        if (text.matches("(?s).*\\bremote\\b.*")) {
            return "remote";
        }
        return "on_site";
    }

    static Integer minYears(String jd) {
        Integer min = null;
        Matcher matcher = YEARS.matcher(jd);
        while (matcher.find()) {
            int years = Integer.parseInt(matcher.group(1));
            if (years <= 30 && (min == null || years < min)) {
                min = years;
            }
        }
        return min;
    }

    static Integer[] salary(String raw) {
        Matcher matcher = SALARY_RANGE.matcher(raw);
        while (matcher.find()) {
            int low = dollars(matcher.group(1));
            int high = dollars(matcher.group(2));
            if (low >= 10_000 && high >= low) {
                return new Integer[] {low, high};
            }
        }
        return new Integer[] {null, null};
    }

    private static int dollars(String amount) {
        String digits = amount.replace(",", "").replace(" ", "");
        if (digits.endsWith("k") || digits.endsWith("K")) {
            return (int) Math.round(Double.parseDouble(digits.substring(0, digits.length() - 1)) * 1000);
        }
        return (int) Math.round(Double.parseDouble(digits));
    }

    private static String externalJobId(String jd) {
        Matcher matcher = JOB_ID.matcher(jd);
        while (matcher.find()) {
            String id = matcher.group(1);
            if (id.matches(".*\\d.*")) {
                return id;
            }
        }
        return null;
    }

    static ParsedJd.ContractTerms contractTerms(String jd) {
        if (!CONTRACT.matcher(jd).find()) {
            return null;
        }
        Integer months = null;
        Matcher length = CONTRACT_MONTHS.matcher(jd);
        if (length.find()) {
            months = Integer.parseInt(length.group(1));
        }
        Integer rateMin = null;
        Integer rateMax = null;
        Matcher rate = HOURLY_RANGE.matcher(jd);
        if (rate.find()) {
            rateMin = dollars(rate.group(1));
            rateMax = dollars(rate.group(2));
        }
        return new ParsedJd.ContractTerms(null, months, rateMin, rateMax, null, null);
    }
}
