package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8: a standard list of XSS vectors, put through the API into a job description, a company name (a tracker
 * job and a discovery company), interview logistics notes, prep debrief notes and a prep section's markdown, never
 * runs in the browser on the pages that show them: no vector's script ran ({@code window.__xss} unset, the title
 * untouched, no alert), no vector's markup became an element (nothing with a vector's id, no event-handler attribute,
 * no inline script, no {@code javascript:} link), and where the page shows the text as text, it shows it literally.
 */
class XssBrowserE2ETest {

    /** The vectors; each would set window.__xss, retitle the page or alert if it ran. */
    private static final List<String> VECTORS = List.of(
            "<script id=xss-script>window.__xss=1;document.title='xss'</script>",
            "<img id=xss-img src=x onerror=\"window.__xss=2;document.title='xss'\">",
            "<svg id=xss-svg onload=\"window.__xss=3\"></svg>",
            "javascript:window.__xss=4//",
            "\"><iframe id=xss-iframe srcdoc=\"<script>parent.__xss=5</script>\"></iframe>",
            "' onmouseover='window.__xss=6' x='",
            "\" autofocus onfocus=\"window.__xss=7\" x=\"",
            "<a id=xss-a href=\"javascript:window.__xss=8\">click</a>",
            "<details id=xss-details open ontoggle=\"window.__xss=9\">",
            "{{7*7}} ${7*7}",
            "[markdown link](javascript:window.__xss=10) ![img](x\" onerror=\"window.__xss=11)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private String gateway;
    private String basic;

    @Test
    void xssVectorsInUserAndCareerSiteTextNeverRunInThePages() throws Exception {
        gateway = RunningPlatform.url();
        String username = "xss-" + run;
        String password = "xss-" + UUID.randomUUID();
        String admin = E2eAccounts.basic(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);
        assertThat(call(admin, "POST", "/api/accounts", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
                .statusCode()).isEqualTo(201);
        basic = E2eAccounts.basic(username, password);
        String all = "XSS-" + run + " " + String.join(" ", VECTORS);

        // a job description from a career site, carrying every vector (its parsed job reaches tracker and prep)
        String jd = Files.readString(fixture("jd-platform-engineer.txt")).replace("Litware", "Xssjd" + run)
                + "\n\nAbout the team:\n" + String.join("\n", VECTORS.stream().map(v -> "- " + v + " XSS-" + run).toList()) + "\n";
        String jobId = ok(call(basic, "POST", "/api/resumes/jobs",
                json.createObjectNode().put("jdText", jd).put("source", "company_site").toString())).path("id").asString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                call(basic, "GET", "/api/tracker/jobs/" + jobId, null).statusCode() == 200);
        String jdApplication = ok(call(basic, "POST", "/api/tracker/applications", "{\"jobId\":\"" + jobId + "\"}")).path("id").asString();
        ok(call(basic, "POST", "/api/tracker/applications/" + jdApplication + "/status", "{\"status\":\"callback\"}"));
        String interviewId = ok(call(basic, "POST", "/api/tracker/applications/" + jdApplication + "/interviews",
                json.createObjectNode().put("stage", "technical_screen").put("format", "virtual_meeting").put("focus", "coding")
                        .put("interviewerName", "Ina " + VECTORS.get(1)).put("notes", all)
                        .put("scheduledAt", Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString())
                        .toString())).path("id").asString();

        // a company name typed by the user
        // no ';' in it: the gateway's firewall refuses an encoded semicolon in a path (/company/{name})
        String companyVector = "<img id=xss-img2 src=x onerror=window.__xss=12>";
        String company = "Xss Co " + run + " " + companyVector + " " + VECTORS.get(5) + " {{7*7}}";
        String manualJob = ok(call(basic, "POST", "/api/tracker/jobs", json.createObjectNode().put("source", "company_site")
                .put("company", company).put("listingJobTitle", "Engineer " + VECTORS.get(0)).toString())).path("id").asString();
        String companyApplication = ok(call(basic, "POST", "/api/tracker/applications", "{\"jobId\":\"" + manualJob + "\"}"))
                .path("id").asString();

        // a discovery company (the shared catalog) named with the vectors
        HttpResponse<String> added = call(basic, "POST", "/api/discovery/companies", json.createObjectNode()
                .put("careersUrl", "https://xss" + run + ".wd5.myworkdayjobs.com/en-US/External")
                .put("name", "Xss Disco " + run + " " + VECTORS.get(1) + " " + VECTORS.get(6)).toString());
        assertThat(added.statusCode()).as(added.body()).isIn(200, 201);

        // interview prep: wait for its documents, then the debrief and a section edited with the vectors
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> r = call(basic, "GET", "/api/prep/applications/" + jdApplication, null);
            if (r.statusCode() != 200) {
                return false;
            }
            JsonNode page = json.readTree(r.body());
            boolean interviewPrep = false;
            for (JsonNode i : page.path("interviews")) {
                interviewPrep |= i.path("prep").isObject();
            }
            return page.path("base").isObject() && interviewPrep;
        });
        ok(call(basic, "PUT", "/api/prep/interviews/" + interviewId + "/debrief",
                json.createObjectNode().put("questionsAsked", all).put("selfReflection", all).toString()));
        ok(call(basic, "PUT", "/api/prep/interviews/" + interviewId + "/sections/prepPlan",
                json.createObjectNode().put("markdown", "# Plan XSS-" + run + "\n\n" + String.join("\n\n", VECTORS)).toString()));

        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("/applied-jobs", "Xss Co " + run);
        pages.put("/applications/" + companyApplication, "Xss Co " + run);
        pages.put("/applications/" + jdApplication, "XSS-" + run);
        pages.put("/applications/" + jdApplication + "/interview-prep", "XSS-" + run);
        pages.put("/interviews/upcoming", "Xssjd" + run);
        pages.put("/company/" + URLEncoder.encode(company, StandardCharsets.UTF_8).replace("+", "%20"), "Xss Co " + run);
        pages.put("/settings/companies", "Xss Disco " + run);

        List<String> findings = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            WebDriver driver = browser.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            try {
                driver.get(gateway + "/applied-jobs");
                wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
                driver.findElement(By.id("username")).sendKeys(username);
                driver.findElement(By.id("password")).sendKeys(password);
                driver.findElement(By.id("login-submit")).click();
                wait.until(ExpectedConditions.urlContains("/applied-jobs"));

                for (Map.Entry<String, String> page : pages.entrySet()) {
                    driver.get(gateway + page.getKey());
                    String marker = page.getValue();
                    new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> bodyText(d).contains(marker)
                            || textareasContain(d, marker));
                    findings.addAll(check(driver, page.getKey()));
                }
                // where the page shows the text as text, it shows it literally
                driver.get(gateway + "/applications/" + companyApplication);
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> bodyText(d).contains("Xss Co " + run));
                assertThat(driver.findElement(By.tagName("h1")).getText())
                        .contains(companyVector, VECTORS.get(5).strip(), "{{7*7}}", "<script id=xss-script>");
                driver.get(gateway + "/applications/" + jdApplication);
                new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> bodyText(d).contains("Notes: XSS-" + run));
                assertThat(bodyText(driver)).contains("Notes: " + all.replaceAll("\\s+", " ").strip().substring(0, 60));
                assertThat(bodyText(driver)).contains(VECTORS.get(4).strip(), VECTORS.get(8));
            } catch (RuntimeException | AssertionError e) {
                Path shot = Path.of("target", "e2e-xss-failure.png");
                Files.write(shot, ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
                throw new AssertionError(e.getMessage() + "\n(screenshot: " + shot.toAbsolutePath() + ")", e);
            }
        }
        assertThat(findings).as("vectors that ran or became markup").isEmpty();
    }

    /** What a vector would leave behind on the current page, had it run or become markup. */
    @SuppressWarnings("unchecked")
    private static List<String> check(WebDriver driver, String page) {
        List<String> findings = new ArrayList<>();
        Map<String, Object> state = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript("""
                return {
                  xss: window.__xss === undefined ? null : String(window.__xss),
                  title: document.title,
                  injected: Array.from(document.querySelectorAll(
                      '[id^="xss-"], script:not([src]), iframe[srcdoc], [onerror], [onload], [onmouseover], [onfocus], '
                      + '[ontoggle], a[href^="javascript:" i], img[src="x"]'))
                      .map(e => e.outerHTML.slice(0, 120))
                };""");
        if (state.get("xss") != null) {
            findings.add(page + ": a vector ran (window.__xss=" + state.get("xss") + ")");
        }
        if ("xss".equals(state.get("title"))) { // the vectors' own assignment; a title may show the text literally
            findings.add(page + ": a vector retitled the page: " + state.get("title"));
        }
        for (Object element : (List<Object>) state.get("injected")) {
            findings.add(page + ": vector markup became an element: " + element);
        }
        try {
            String text = driver.switchTo().alert().getText();
            findings.add(page + ": an alert opened: " + text);
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException expected) {
            // none: good
        }
        return findings;
    }

    private static String bodyText(WebDriver driver) {
        return driver.findElement(By.tagName("body")).getText();
    }

    private static boolean textareasContain(WebDriver driver, String marker) {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('textarea, input')).some(e => (e.value || '').includes(arguments[0]))",
                marker);
    }

    private HttpResponse<String> call(String auth, String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", auth);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode ok(HttpResponse<String> r) {
        assertThat(r.statusCode() / 100).as("%s %s: %s", r.request().method(), r.request().uri(), r.body()).isEqualTo(2);
        return json.readTree(r.body());
    }

    private static Path fixture(String name) throws Exception {
        return Path.of(XssBrowserE2ETest.class.getResource("/fixtures/" + name).toURI());
    }
}
