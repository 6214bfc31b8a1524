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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person records an application, moves it to callback and schedules an interview on its page, finds the interview
 * among the upcoming ones, reads the metrics (and filters them), and imports two applications from a CSV file after
 * checking it.
 */
class TrackerPagesBrowserE2ETest {

    @Test
    void userTracksAnApplicationThroughInterviewsMetricsAndImport() throws Exception {
        String gateway = RunningPlatform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String company = "Tracker Pages Co " + run;
        String source = "e2e_source_" + run;
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            try {
                driver.get(gateway + "/applied-jobs");
                wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
                driver.findElement(By.id("username")).sendKeys(RunningPlatform.ADMIN);
                driver.findElement(By.id("password")).sendKeys(RunningPlatform.ADMIN_PASSWORD);
                driver.findElement(By.id("login-submit")).click();

                // record an application
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-company"))).sendKeys(company);
                driver.findElement(By.id("field-title")).sendKeys("Data Engineer");
                driver.findElement(By.id("field-source")).sendKeys(source);
                driver.findElement(By.cssSelector("form button[type=submit]")).click();

                // its row links to its page
                WebElement link = new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.elementToBeClickable(
                        By.xpath("//table//tr[td[contains(., '" + company + "')]]//a[.='Data Engineer']")));
                link.click();
                wait.until(ExpectedConditions.textToBe(By.id("current-status"), "No response"));
                assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Data Engineer at " + company);

                // move it to callback: only the transitions the tracker allows are offered
                Select newStatus = new Select(driver.findElement(By.cssSelector("#status-form select[name=status]")));
                assertThat(newStatus.getOptions()).extracting(WebElement::getText)
                        .containsExactly("Choose…", "Callback", "Rejected", "Closed");
                newStatus.selectByValue("callback");
                driver.findElement(By.cssSelector("#status-form button[type=submit]")).click();
                wait.until(ExpectedConditions.textToBe(By.id("current-status"), "Callback"));
                assertThat(driver.findElements(By.id("status-form"))).isEmpty();

                // schedule a technical screen two days and three hours from now, in the browser's zone
                new Select(driver.findElement(By.cssSelector("#schedule-form select[name=stage]"))).selectByValue("technical_screen");
                new Select(driver.findElement(By.cssSelector("#schedule-form select[name=format]"))).selectByValue("virtual_meeting");
                new Select(driver.findElement(By.cssSelector("#schedule-form select[name=focus]"))).selectByValue("system_design");
                setValue(driver, driver.findElement(By.cssSelector("#schedule-form input[name=scheduledAt]")),
                        "(() => { const d = new Date(Date.now() + (51 * 60 + 10) * 60000); const p = n => String(n).padStart(2, '0');"
                                + " return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`; })()");
                driver.findElement(By.cssSelector("#schedule-form input[name=interviewerName]")).sendKeys("Ada Lovelace");
                driver.findElement(By.cssSelector("#schedule-form button[type=submit]")).click();
                WebElement interview = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("article.interview")));
                assertThat(interview.getText()).contains("Technical screen").contains("Virtual meeting").contains("System design")
                        .contains("Ada Lovelace");

                // it is among the upcoming interviews, with a countdown and links
                driver.findElement(By.cssSelector("header nav a[href='/interviews/upcoming']")).click();
                WebElement upcoming = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//article[contains(@class, 'interview')][.//h2[contains(., '" + company + "')]]")));
                assertThat(upcoming.findElement(By.className("countdown")).getText()).isEqualTo("in 2 days 3 h");
                assertThat(upcoming.findElements(By.linkText("Preparation"))).hasSize(1);
                new Select(driver.findElement(By.id("stage-filter"))).selectByValue("final_loop");
                wait.until(ExpectedConditions.invisibilityOfElementLocated(
                        By.xpath("//article[.//h2[contains(., '" + company + "')]]")));

                // the metrics count the callback and draw the timeline
                driver.findElement(By.cssSelector("header nav a[href='/metrics']")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("callback-total")));
                assertThat(Long.parseLong(driver.findElement(By.id("callback-total")).getText())).isGreaterThanOrEqualTo(1);
                assertThat(driver.findElement(By.id("timeline-chart")).getTagName()).isEqualTo("canvas");
                wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                        "return !!window.Chart && !!window.Chart.getChart(document.getElementById('timeline-chart'))"));

                // filtering by this run's source leaves exactly this application, a callback
                wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#filter-source option[value='" + source + "']")));
                new Select(driver.findElement(By.id("filter-source"))).selectByValue(source);
                wait.until(ExpectedConditions.textToBe(By.cssSelector("#summary-total .metric-value"), "1"));
                assertThat(driver.findElement(By.cssSelector("#summary-callbacks .metric-value")).getText()).isEqualTo("1");
                assertThat(driver.findElement(By.id("callback-total")).getText()).isEqualTo("1");
                // and nothing was applied for from tomorrow on
                setValue(driver, driver.findElement(By.id("filter-from")), "'" + LocalDate.now().plusDays(2) + "'");
                wait.until(ExpectedConditions.textToBe(By.cssSelector("#summary-total .metric-value"), "0"));

                // import two applications after the dry run
                String importedA = "Imported A " + run;
                String importedB = "Imported B " + run;
                String yesterday = LocalDate.now().minusDays(1).toString();
                Path csv = Files.createTempFile("e2e-import", ".csv");
                Files.writeString(csv, "Company,Job Title,Date Applied,Status,Source,Notes\n"
                        + importedA + ",Analytics Engineer," + yesterday + ",applied,linkedin,first\n"
                        + importedB + ",Data Scientist," + yesterday + ",rejected,indeed,second\n");
                driver.findElement(By.cssSelector("header nav a[href='/applied-jobs']")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-file"))).sendKeys(csv.toAbsolutePath().toString());
                driver.findElement(By.id("import-check")).click();
                WebElement accepted = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("import-accepted")));
                assertThat(accepted.findElements(By.cssSelector("tbody tr"))).hasSize(2);
                assertThat(driver.findElement(By.id("import-report")).getText()).contains("Ignored columns: Notes");
                driver.findElement(By.id("import-confirm")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-status"), "Imported 2 applications"));
                for (String imported : new String[] {importedA, importedB}) {
                    new WebDriverWait(driver, Duration.ofSeconds(60)).until(ExpectedConditions.visibilityOfElementLocated(
                            By.xpath("//table[caption[contains(., 'newest first')]]//tr[td[contains(., '" + imported + "')]]")));
                }
                Files.deleteIfExists(csv);
            } catch (RuntimeException | AssertionError e) {
                Path shot = Path.of("target", "e2e-tracker-pages-failure.png");
                Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
                throw new AssertionError(e.getMessage() + "\n(screenshot: " + shot.toAbsolutePath() + ")", e);
            }
        }
    }

    /** Sets an input the way a picker would (date and time inputs take no locale-free typing) and announces it. */
    private static void setValue(WebDriver driver, WebElement input, String valueExpression) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = " + valueExpression + ";"
                + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input);
    }
}
