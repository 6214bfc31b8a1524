package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person pastes a job description (resume-service), records the application for that job, moves it to callback and
 * schedules an interview on its page, then prepares on the prep page: the offline base and interview preps appear,
 * they switch between the interview and the base prep, jump through the sections, collapse one, edit a section (a new
 * version, its markdown rendered and sanitized), write debrief notes that are still there after a reload, and
 * regenerate the interview's prep: a third version appears, generated again, in the page and in the versions list.
 */
class InterviewPrepBrowserE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** fetch() from the signed-in page, with the CSRF cookie's token; answers "status body". */
    private static final String FETCH = """
            const [method, url, body, done] = arguments;
            const cookie = document.cookie.split(';').map(c => c.trim()).find(c => c.startsWith('XSRF-TOKEN='));
            const token = cookie ? decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) : '';
            fetch(url, {method, credentials: 'same-origin', body: body ?? undefined,
                headers: {'Content-Type': 'application/json', 'Accept': 'application/json', 'X-XSRF-TOKEN': token}})
                .then(async r => done(r.status + ' ' + await r.text()), e => done('0 ' + e));""";

    @Test
    void userPreparesForAnInterviewOnThePrepPage() throws Exception {
        String gateway = RunningPlatform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String company = "Prep Page Co " + run;
        String jd = company + "\nSenior Data Engineer\nLocation: Remote (US)\n\n"
                + "About us: " + company + " builds a payments analytics platform for small businesses.\n\n"
                + "Responsibilities:\n- Design and build batch and streaming data pipelines with Python, Spark and Kafka\n"
                + "- Own data models in PostgreSQL and Snowflake\n- Partner with analysts on metrics\n\n"
                + "Requirements:\n- 5+ years of data engineering experience\n- Strong SQL and Python\n"
                + "- Experience with Airflow and AWS\n\nBenefits:\n- Health insurance\n- 401k match\n";
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            WebDriverWait generation = new WebDriverWait(driver, Duration.ofSeconds(120));
            try {
                driver.get(gateway + "/applied-jobs");
                wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
                driver.findElement(By.id("username")).sendKeys(RunningPlatform.ADMIN);
                driver.findElement(By.id("password")).sendKeys(RunningPlatform.ADMIN_PASSWORD);
                driver.findElement(By.id("login-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "Signed in as"));

                // the job: a pasted JD (resume-service parses it and announces JdParsed), which the tracker adopts
                JsonNode job = expect(driver, 201, "POST", "/api/resumes/jobs",
                        JSON.writeValueAsString(java.util.Map.of("jdText", jd, "source", "company_site")));
                String jobId = job.get("id").asString();
                new WebDriverWait(driver, Duration.ofSeconds(60)).until(d ->
                        fetch(d, "GET", "/api/tracker/jobs/" + jobId, null).startsWith("200 "));
                JsonNode application = expect(driver, 201, "POST", "/api/tracker/applications",
                        "{\"jobId\":\"" + jobId + "\"}");
                String applicationId = application.get("id").asString();

                // callback and an interview, on the application's page
                driver.get(gateway + "/applications/" + applicationId);
                wait.until(ExpectedConditions.textToBe(By.id("current-status"), "No response"));
                new Select(driver.findElement(By.cssSelector("#status-form select[name=status]"))).selectByValue("callback");
                driver.findElement(By.cssSelector("#status-form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBe(By.id("current-status"), "Callback"));
                new Select(driver.findElement(By.cssSelector("#schedule-form select[name=stage]"))).selectByValue("technical_screen");
                new Select(driver.findElement(By.cssSelector("#schedule-form select[name=focus]"))).selectByValue("coding");
                ((JavascriptExecutor) driver).executeScript("const d = new Date(Date.now() + 3 * 86400000);"
                        + " const p = n => String(n).padStart(2, '0');"
                        + " arguments[0].value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T10:00`;",
                        driver.findElement(By.cssSelector("#schedule-form input[name=scheduledAt]")));
                driver.findElement(By.cssSelector("#schedule-form input[name=interviewerTitle]")).sendKeys("Staff Engineer");
                driver.findElement(By.cssSelector("#schedule-form button[type=submit]")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.interview")));

                // the prep page: the base prep and the interview's appear, offline drafts
                driver.findElement(By.linkText("Interview preparation")).click();
                wait.until(ExpectedConditions.urlContains("/applications/" + applicationId + "/interview-prep"));
                generation.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-meta=base] .offline-label")));
                generation.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-meta=interview] .offline-label")));
                // the application as the tracker announced it (title and company as the offline JD parser read them)
                assertThat(driver.findElement(By.tagName("h1")).getText()).startsWith("Interview preparation: ")
                        .contains(run);
                assertThat(driver.findElement(By.cssSelector("[data-meta=interview]")).getText())
                        .contains("Version 1").contains("Offline draft");
                Select interviews = new Select(driver.findElement(By.id("prep-interview")));
                assertThat(interviews.getFirstSelectedOption().getText()).startsWith("Technical screen – Coding – ");
                assertThat(driver.findElements(By.cssSelector(".prep-sidebar a"))).extracting(WebElement::getText)
                        .containsExactly("Job description", "Company & product context", "Primary callback drivers",
                                "Targeted background narrative", "Resume defense preparation", "Preparation roadmap",
                                "Predicted interview questions & responses", "Interviewer-aligned questions",
                                "Technical deep dives");
                assertThat(driver.findElements(By.cssSelector("details.prep-section[open] .markdown")))
                        .hasSize(9).allSatisfy(section -> assertThat(section.getText()).isNotBlank());

                // the base prep alone, then the interview again
                interviews.selectByValue("base");
                wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("document-interview")));
                assertThat(driver.findElements(By.cssSelector(".prep-sidebar a"))).hasSize(5);
                assertThat(driver.getCurrentUrl()).endsWith("?interview_id=base");
                new Select(driver.findElement(By.id("prep-interview"))).selectByIndex(1);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("document-interview")));

                // the sidebar jumps to a section and marks it current; a section collapses
                WebElement deepDives = driver.findElement(By.cssSelector(".prep-sidebar a[data-section=technicalDeepDives]"));
                deepDives.click();
                wait.until(ExpectedConditions.attributeToBe(deepDives, "aria-current", "true"));
                assertThat(driver.getCurrentUrl()).endsWith("#section-technicalDeepDives");
                WebElement company1 = driver.findElement(By.id("section-companyContext"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", company1);
                company1.findElement(By.tagName("summary")).click();
                wait.until(d -> company1.getDomAttribute("open") == null);
                assertThat(company1.findElement(By.className("markdown")).isDisplayed()).isFalse();

                // edit a section: a new version, rendered as markdown, with hostile HTML removed
                WebElement plan = driver.findElement(By.id("section-prepPlan"));
                plan.findElement(By.className("edit-section")).click();
                WebElement textarea = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#section-prepPlan textarea[name=markdown]")));
                textarea.clear();
                textarea.sendKeys("## My own plan\n\n- Practice **two coding problems** a day\n\n"
                        + "<img src=x onerror=\"window.injected = true\"><script>window.injected = true</script>");
                driver.findElement(By.cssSelector("#section-prepPlan form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("prep-status"),
                        "Preparation roadmap saved as version 2."));
                assertThat(driver.findElement(By.cssSelector("[data-meta=interview] .prep-version")).getText())
                        .isEqualTo("Version 2");
                WebElement rendered = driver.findElement(By.cssSelector("#section-prepPlan .markdown"));
                assertThat(rendered.findElement(By.tagName("h2")).getText()).isEqualTo("My own plan");
                assertThat(rendered.findElement(By.tagName("strong")).getText()).isEqualTo("two coding problems");
                assertThat(rendered.findElements(By.tagName("script"))).isEmpty();
                assertThat(rendered.findElements(By.cssSelector("img[onerror]"))).isEmpty();
                assertThat(((JavascriptExecutor) driver).executeScript("return window.injected === true")).isEqualTo(false);
                // the versions list shows both
                WebElement versions = driver.findElement(By.cssSelector("[data-versions=interview]"));
                versions.findElement(By.tagName("summary")).click();
                List<WebElement> items = wait.until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("[data-versions=interview] li[data-version]"), 2));
                assertThat(items.get(0).getText()).startsWith("Version 2").contains("edited Preparation roadmap");
                assertThat(items.get(1).getText()).startsWith("Version 1").contains("offline draft");

                // debrief notes, kept across a reload
                WebElement questions = driver.findElement(By.cssSelector("#debrief-form textarea[name=questionsAsked]"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", questions);
                questions.sendKeys("Two-sum variant; a sliding window problem.");
                driver.findElement(By.cssSelector("#debrief-form textarea[name=selfReflection]"))
                        .sendKeys("Rushed the edge cases: practise talking through tests first.");
                driver.findElement(By.cssSelector("#debrief-form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("debrief-form"), "Notes saved."));
                driver.navigate().refresh();
                WebElement reloaded = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#debrief-form textarea[name=selfReflection]")));
                assertThat(reloaded.getDomProperty("value")).isEqualTo("Rushed the edge cases: practise talking through tests first.");
                assertThat(driver.findElement(By.cssSelector("[data-meta=interview] .prep-version")).getText())
                        .isEqualTo("Version 2");

                // regenerate: the page follows the generation and shows a new version with generated content
                WebElement regenerate = driver.findElement(By.cssSelector("button[data-regenerate=interview]"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", regenerate);
                assertThat(regenerate.getText()).isEqualTo("Regenerate");
                regenerate.click();
                generation.until(ExpectedConditions.textToBe(By.cssSelector("[data-meta=interview] .prep-version"),
                        "Version 3"));
                assertThat(driver.findElement(By.cssSelector("[data-meta=interview]")).getText())
                        .contains("Offline draft").doesNotContain("edited");
                WebElement regenerated = driver.findElement(By.cssSelector("#section-prepPlan .markdown"));
                assertThat(regenerated.getText()).isNotBlank().doesNotContain("My own plan");
                assertThat(driver.findElements(By.cssSelector("#document-interview details.prep-section .markdown")))
                        .hasSize(4).allSatisfy(section -> assertThat(section.getDomProperty("textContent")).isNotBlank());
                WebElement allVersions = driver.findElement(By.cssSelector("[data-versions=interview]"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", allVersions);
                allVersions.findElement(By.tagName("summary")).click();
                List<WebElement> three = wait.until(ExpectedConditions.numberOfElementsToBe(
                        By.cssSelector("[data-versions=interview] li[data-version]"), 3));
                assertThat(three).extracting(item -> item.getText().substring(0, "Version n".length()))
                        .containsExactly("Version 3", "Version 2", "Version 1");
                assertThat(three.get(0).getText()).contains("offline draft");
            } catch (RuntimeException | AssertionError e) {
                Path shot = Path.of("target", "e2e-interview-prep-failure.png");
                Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
                throw new AssertionError(e.getMessage() + "\n(screenshot: " + shot.toAbsolutePath() + ")", e);
            }
        }
    }

    private static String fetch(WebDriver driver, String method, String url, String body) {
        return (String) ((JavascriptExecutor) driver).executeAsyncScript(FETCH, method, url, body);
    }

    private static JsonNode expect(WebDriver driver, int status, String method, String url, String body) {
        String answer = fetch(driver, method, url, body);
        assertThat(answer).as(method + " " + url).startsWith(status + " ");
        return JSON.readTree(answer.substring(answer.indexOf(' ') + 1));
    }
}
