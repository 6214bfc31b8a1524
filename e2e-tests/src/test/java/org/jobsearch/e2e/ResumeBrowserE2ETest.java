package org.jobsearch.e2e;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5 in the browser: a new user imports their experience base from a file on the experience page and saves
 * their contact profile, pastes a job description on the resume page and watches the pipeline finish (offline
 * provider), overrides one bullet and excludes another, re-renders, downloads version 2 through the page's link and
 * finds the override in the PDF's text (and not the excluded bullet), marks the job applied, and sees the offline calls
 * on the cost page at $0.
 */
class ResumeBrowserE2ETest {

    /** The page's download link fetched with the session cookie; answers "status contentType base64body". */
    private static final String DOWNLOAD = """
            const [url, done] = arguments;
            fetch(url, {credentials: 'same-origin'}).then(async r => {
                const bytes = new Uint8Array(await r.arrayBuffer());
                let binary = '';
                for (let i = 0; i < bytes.length; i += 0x8000) {
                    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
                }
                done(r.status + ' ' + r.headers.get('Content-Type') + ' ' + btoa(binary));
            }, e => done('0 none ' + e));""";

    @Test
    void newUserImportsExperienceGeneratesEditsAndDownloadsAResume() throws Exception {
        String gateway = RunningPlatform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String username = "resume-" + run;
        String password = "resume-pass-" + run + "-x";
        E2eAccounts.createUser(gateway, username, password);
        Path experienceFile = fixture("fixtures/experience-base.json");
        String jd = Files.readString(fixture("fixtures/jd-platform-engineer.txt"), StandardCharsets.UTF_8);
        String override = "Rebuilt the release pipeline end to end override" + run;

        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            WebDriverWait wait = E2eAccounts.waiting(driver, 30);
            WebDriverWait pipeline = E2eAccounts.waiting(driver, 180);
            try {
                E2eAccounts.signIn(driver, gateway, "/experience", username, password);

                // a new user: no roles yet; import the experience base from a file
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("experience-status"), "No roles yet"));
                driver.findElement(By.id("experience-file")).sendKeys(experienceFile.toAbsolutePath().toString());
                new Select(driver.findElement(By.id("experience-format"))).selectByValue("base");
                driver.findElement(By.id("experience-import")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("experience-import-status"),
                        "Imported experience-base.json: 4 roles."));
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.experience-role"), 4));
                assertThat(driver.findElement(By.cssSelector("fieldset.experience-role legend")).getText())
                        .contains("Adventure Works").contains("Site Reliability Engineer");
                assertThat(driver.findElement(By.name("roles/0/projects/0/shortName")).getDomProperty("value"))
                        .isEqualTo("EKS migration");
                // the file's contact became the profile
                wait.until(d -> "Sam Rivera".equals(d.findElement(By.id("profile-name")).getDomProperty("value")));

                // a bad link is refused next to its field; then the profile is saved
                WebElement links = driver.findElement(By.id("profile-links"));
                links.clear();
                links.sendKeys("not a url");
                driver.findElement(By.id("profile-save")).click();
                wait.until(ExpectedConditions.attributeToBe(By.id("profile-links"), "aria-invalid", "true"));
                assertThat(driver.findElement(By.id("profile-status")).getText()).contains("The profile was not saved");
                links = driver.findElement(By.id("profile-links"));
                links.clear();
                links.sendKeys("https://github.com/sam-" + run);
                WebElement name = driver.findElement(By.id("profile-name"));
                name.clear();
                name.sendKeys("Sam Rivera " + run);
                driver.findElement(By.id("profile-save")).click();
                wait.until(ExpectedConditions.textToBe(By.id("profile-status"), "Profile saved."));

                // the export link downloads the base as JSON
                Path downloads = Files.createTempDirectory("e2e-resume-downloads");
                driver.executeCdpCommand("Browser.setDownloadBehavior",
                        Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
                WebElement export = driver.findElement(By.id("experience-export"));
                scrollTo(driver, export);
                export.click();
                Path exportedFile = downloads.resolve("experience-base.json");
                await().atMost(Duration.ofSeconds(30)).until(() -> Files.isRegularFile(exportedFile)
                        && Files.readString(exportedFile).trim().endsWith("}"));
                assertThat(Files.readString(exportedFile)).contains("\"Adventure Works\"").contains("EKS migration");

                // a resume from the pasted JD
                driver.findElement(By.cssSelector("header nav a[href='/resume']")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("resume-jd")));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resume-list-status"), "No resumes yet."));
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("resume-llm"), "Offline provider"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]",
                        driver.findElement(By.id("resume-jd")), jd);
                new Select(driver.findElement(By.cssSelector("#resume-start-form select[name=source]"))).selectByValue("company_site");
                driver.findElement(By.id("resume-start")).click();
                wait.until(ExpectedConditions.urlMatches("/resume/[0-9a-f-]{36}$"));
                String resumeId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);

                // the steps finish (offline: deterministic parse and selection, then the render)
                pipeline.until(ExpectedConditions.attributeToBe(By.id("resume-status"), "data-status", "done"));
                assertThat(driver.findElements(By.cssSelector("#resume-step-list li")))
                        .extracting(step -> step.getDomAttribute("data-step") + "=" + step.getDomAttribute("data-status"))
                        .containsExactly("parse=done", "write=done", "render=done");
                assertThat(driver.findElement(By.tagName("h1")).getText()).contains("Platform Engineer");
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#resume-versions tr[data-version]"), 1));
                assertThat(driver.findElements(By.cssSelector("#coverage-requirements tbody tr"))).isNotEmpty();

                // override the first bullet's text, exclude the second
                List<WebElement> bullets = driver.findElements(By.cssSelector(".resume-item[data-kind=bullet]"));
                assertThat(bullets).hasSizeGreaterThanOrEqualTo(2);
                String firstId = bullets.get(0).getDomAttribute("data-item");
                String secondId = bullets.get(1).getDomAttribute("data-item");
                String excludedText = bullets.get(1).findElement(By.className("generated")).getText()
                        .replaceAll("\\s*\\([a-z0-9_.]+\\)$", "");
                WebElement overrideBox = bullets.get(0).findElement(By.name("overrideText"));
                scrollTo(driver, overrideBox);
                overrideBox.sendKeys(override);
                bullets.get(0).findElement(By.xpath(".//button[.='Save text']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".resume-item[data-item='" + firstId + "'] .item-status"), "Saved."));
                WebElement exclude = bullets.get(1).findElement(By.name("exclude"));
                scrollTo(driver, exclude);
                exclude.click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".resume-item[data-item='" + secondId + "'] .item-status"), "Saved."));

                // re-render: version 2 is listed next to version 1
                WebElement rerender = driver.findElement(By.id("resume-rerender"));
                scrollTo(driver, rerender);
                rerender.click();
                wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#resume-versions tr[data-version]"), 2));
                assertThat(driver.findElements(By.cssSelector("#resume-versions tr[data-version]")))
                        .extracting(row -> row.getDomAttribute("data-version")).containsExactly("2", "1");
                // the edits survived the new version
                assertThat(driver.findElement(By.cssSelector(".resume-item[data-item='" + firstId + "'] textarea[name=overrideText]"))
                        .getDomProperty("value")).isEqualTo(override);
                assertThat(driver.findElement(By.cssSelector(".resume-item[data-item='" + secondId + "'] input[name=exclude]"))
                        .isSelected()).isTrue();

                // version 2's PDF, through the page's download link with the session cookie
                WebElement download = driver.findElement(By.cssSelector("a.pdf-download[data-version='2']"));
                String href = download.getDomAttribute("href");
                assertThat(href).isEqualTo("/api/resumes/" + resumeId + "/versions/2/pdf");
                assertThat(download.getDomAttribute("download")).endsWith(".pdf");
                String answer = (String) ((JavascriptExecutor) driver).executeAsyncScript(DOWNLOAD, href);
                String[] parts = answer.split(" ", 3);
                assertThat(parts[0]).as(answer.length() > 300 ? answer.substring(0, 300) : answer).isEqualTo("200");
                assertThat(parts[1]).startsWith("application/pdf");
                byte[] pdf = Base64.getDecoder().decode(parts[2]);
                assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                String text;
                try (PDDocument document = Loader.loadPDF(pdf)) {
                    assertThat(document.getNumberOfPages()).isEqualTo(1);
                    text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
                }
                assertThat(text).contains(override).contains("Sam Rivera " + run);
                assertThat(text).doesNotContain(excludedText.replaceAll("\\s+", " "));

                // the preview shows the newest version
                wait.until(ExpectedConditions.attributeContains(By.id("resume-preview"), "src", "blob:"));

                // mark applied: the tracker records the application for this job
                WebElement apply = driver.findElement(By.id("resume-mark-applied"));
                scrollTo(driver, apply);
                apply.click();
                E2eAccounts.waiting(driver, 60).until(ExpectedConditions.visibilityOfElementLocated(By.id("resume-application-link")));

                // the list shows the resume with two versions
                driver.findElement(By.linkText("← All resumes")).click();
                WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#resume-table tr[data-resume='" + resumeId + "']")));
                assertThat(row.getText()).contains("Done").contains("2");

                // the cost page: the offline calls, at $0
                driver.findElement(By.cssSelector("header nav a[href='/costs']")).click();
                WebElement parse = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#cost-purposes tr[data-purpose=jd_parse]")));
                assertThat(Integer.parseInt(parse.findElement(By.className("calls")).getText())).isGreaterThanOrEqualTo(1);
                assertThat(parse.findElement(By.className("cost")).getText()).isEqualTo("$0.00");
                assertThat(driver.findElement(By.cssSelector("#cost-total .metric-value")).getText()).isEqualTo("$0.00");
                assertThat(driver.findElement(By.cssSelector("#cost-provider-table tr[data-service=resume]")).getText())
                        .contains("Offline (no model)").contains("$5.00");
                assertThat(driver.findElements(By.cssSelector("#cost-jobs tbody tr"))).hasSize(1);
                assertThat(driver.findElement(By.cssSelector("#cost-jobs tbody tr")).getText()).contains("Platform Engineer");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("cost-chart-heading"), "Per day"));
                assertThat(driver.findElement(By.id("cost-status")).getText()).contains("$0.00");
            } catch (RuntimeException | AssertionError e) {
                throw E2eAccounts.failure(driver, "resume", e);
            }
        }
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ResumeBrowserE2ETest.class.getClassLoader().getResource(name), name).toURI());
    }
}
