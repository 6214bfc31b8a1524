package org.jobsearch.resume.jd;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The JD corpus in {@code src/test/resources/jds/}: each posting with the listed requirements and responsibilities
 * that must survive preprocessing, the boilerplate that must not, and what the offline parser must read from it.
 */
record JdCorpus(String file, List<String> requirements, List<String> boilerplate, Integer minYears,
                Integer minSalary, Integer maxSalary, String workSetting, String level, String externalJobId) {

    static final List<JdCorpus> ALL = List.of(
            new JdCorpus("01-platform-engineer.txt",
                    List.of("Operate and improve our Kubernetes (EKS) clusters", "Build CI/CD pipelines in GitHub Actions",
                            "Own the observability stack", "Write infrastructure as code with Terraform",
                            "Automate developer workflows with Go or Python", "on-call rotation",
                            "3+ years in platform", "Hands-on Kubernetes in production", "Terraform and AWS (IAM, VPC, EKS, RDS)",
                            "Proficiency in Go or Python", "Experience with Prometheus and Grafana",
                            "Kafka or other event streaming operations", "Service mesh (Istio or Linkerd)"),
                    List.of("scheduling software used by 12,000 restaurants", "we have fun doing it", "401(k) match",
                            "wellness stipend", "Equal Opportunity Employer", "protected veteran status"),
                    3, 140000, 175000, "hybrid", "ii", "PE-5521"),
            new JdCorpus("02-amazon-style-data-engineer.txt",
                    List.of("batch and streaming pipelines on AWS Glue", "Model data in Redshift",
                            "productionize forecasting features", "3+ years of data engineering experience",
                            "Experience with SQL and data modeling", "Experience with Python or Scala",
                            "Experience with Apache Spark and Airflow", "data lakes on S3 with Iceberg"),
                    List.of("workplace accommodation", "lowest geographic market", "medical, financial"),
                    3, 118900, 205600, "on_site", "ii", "2874431"),
            new JdCorpus("03-no-headings-backend.txt",
                    List.of("5+ years building backend services in Python", "PostgreSQL and transaction isolation",
                            "Experience with Django or FastAPI", "Familiarity with Kafka", "on call for services you own"),
                    List.of("founded in 2016", "backed by top-tier investors", "Colorado Equal Pay",
                            "Medical, dental and vision", "401(k) with 4% match", "Unlimited vacation",
                            "equal opportunity employer"),
                    5, 160000, 190000, "remote", "senior", null),
            new JdCorpus("04-what-youll-do-bullets-dot.txt",
                    List.of("Build React and TypeScript features", "Design REST and GraphQL APIs in Node.js",
                            "Write automated tests with Jest and Playwright", "mentor two junior engineers",
                            "4+ years of professional software development", "Strong TypeScript and React skills",
                            "Experience with Node.js and PostgreSQL", "deploying to AWS or GCP",
                            "Healthcare or HIPAA experience", "Experience with Terraform"),
                    List.of("4,000 clinics", "Our mission", "Fully paid health insurance", "4 weeks PTO",
                            "Free lunch", "Equal Employment Opportunity", "reasonable accommodation"),
                    4, 130000, 155000, "hybrid", null, null),
            new JdCorpus("05-html-analyst.txt",
                    List.of("Build Tableau dashboards", "complex SQL against Snowflake", "Design and analyze A/B tests",
                            "6+ years in analytics", "Expert SQL; working knowledge of Python",
                            "Experience with experimentation and statistics"),
                    List.of("80 million readers", "curiosity and candor", "Comprehensive health insurance",
                            "Generous paid time off", "Pay transparency", "equal opportunity employer"),
                    6, 120000, 140000, "on_site", "senior", "R-10442"),
            new JdCorpus("06-contract-role.txt",
                    List.of("5+ years with Azure Data Factory and Databricks", "Strong PySpark and SQL",
                            "Experience with Delta Lake", "dbt", "Insurance claims data"),
                    List.of("Equal Opportunity Employer", "E-Verify", "protected veteran status"),
                    5, null, null, "remote", null, null),
            new JdCorpus("07-markdown-solutions.txt",
                    List.of("3+ years in solutions engineering", "REST APIs, SQL and one scripting language",
                            "run technical demos for executives", "Salesforce or HubSpot integrations"),
                    List.of("quarterly offsites", "wellness stipend", "celebrates diversity"),
                    3, null, null, "on_site", null, null),
            new JdCorpus("08-eeo-first-junior.txt",
                    List.of("Fix bugs and build small features in our Java and Spring Boot services",
                            "Write unit tests with JUnit", "Participate in code reviews",
                            "0-2 years of experience with Java", "Familiarity with Git and Linux",
                            "Curiosity and willingness to learn"),
                    List.of("equal opportunity employer", "gender identity", "Medical, dental and vision",
                            "paid parental leave"),
                    0, null, null, "on_site", "associate", "TT-2231"),
            new JdCorpus("09-bi-engineer-inline.txt",
                    List.of("Own the semantic layer in Looker and LookML", "Build dbt models on BigQuery",
                            "Automate finance reports with Python and Airflow", "7+ years in BI engineering",
                            "Expert SQL and dimensional modeling", "Experience with Looker or Power BI"),
                    List.of("Stock options", "401k match", "flexible PTO", "reasonable accommodation"),
                    7, 150000, 180000, "hybrid", "iii", null));

    String text() {
        try (InputStream in = JdCorpus.class.getResourceAsStream("/jds/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file;
    }
}
