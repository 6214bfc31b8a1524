package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new user sets up job discovery in the settings and reviews what a sync finds, all in the browser: adds a company
 * from its Greenhouse careers URL (the board is {@link FakeGreenhouse}), sees adding it again refused as a duplicate
 * and follows it from there, is told what is wrong with an empty search config and then adds one, syncs on the jobs
 * page and watches it finish, filters the listings, marks one interesting and dismisses the rest in bulk.
 */
class JobsBrowserE2ETest {

    private static final String CAREERS_URL = "https://boards.greenhouse.io/" + FakeGreenhouse.BOARD;

    @Test
    void newUserFollowsACompanySyncsAndReviewsItsJobs() throws Exception {
        String gateway = RunningPlatform.url();
        FakeGreenhouse board = RunningPlatform.greenhouse();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String username = "jobs-" + run;
        String password = "jobs-pass-" + run + "-x";
        E2eAccounts.createUser(gateway, username, password);

        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            WebDriverWait wait = E2eAccounts.waiting(driver, 30);
            try {
                E2eAccounts.signIn(driver, gateway, "/settings/companies", username, password);

                // add the company from its public careers URL
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("company-careersUrl"))).sendKeys(CAREERS_URL);
                driver.findElement(By.id("company-name")).sendKeys("Widget Works");
                driver.findElement(By.id("add-company-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add-company-status"), "Added “Widget Works” (Greenhouse)"));
                WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(companyRow()));
                assertThat(row.getText()).contains("Greenhouse");
                assertThat(row.findElement(By.cssSelector("td.followed")).getText()).isEqualTo("No");
                // a plain user sees no edit or remove: those are the administrators'
                assertThat(row.findElements(By.xpath(".//button[.='Edit' or .='Remove']"))).isEmpty();

                // the same board again is a 409: the page names the company that has it and offers to follow that one
                driver.findElement(By.id("company-careersUrl")).sendKeys(CAREERS_URL + "/");
                driver.findElement(By.id("add-company-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add-company-status"),
                        "This board is already in the catalog as “Widget Works”"));
                driver.findElement(By.id("add-company-follow")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add-company-status"), "You follow “Widget Works” now."));
                wait.until(driver1 -> driver1.findElement(companyRow()).findElement(By.cssSelector("td.followed")).getText().equals("Yes"));

                // a search config: an empty term is refused next to its field, then one is added
                driver.findElement(By.id("settings-nav-search")).click();
                wait.until(ExpectedConditions.elementToBeClickable(By.id("search-config-submit"))).click();
                WebElement termError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-config-searchTerm-error")));
                assertThat(driver.findElement(By.id("search-config-searchTerm")).getAttribute("aria-invalid")).isEqualTo("true");
                assertThat(termError.getText()).isNotBlank();
                driver.findElement(By.id("search-config-searchTerm")).sendKeys("Data Engineer");
                driver.findElement(By.id("search-config-relatedTerms")).sendKeys("Analytics Engineer");
                driver.findElement(By.id("search-config-submit")).click();
                WebElement config = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.xpath("//div[@id='search-configs-list']//tr[th[.='Data Engineer']]")));
                assertThat(config.getText()).contains("Analytics Engineer").contains("Yes");

                // the jobs page: nothing yet, then a sync with its progress until it is done
                driver.findElement(By.cssSelector("header nav a[href='/jobs']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing-counts"), "0 new jobs to review"));
                int requestsBefore = board.requests();
                driver.findElement(By.id("sync-now")).click();
                WebDriverWait syncWait = E2eAccounts.waiting(driver, 180);
                syncWait.until(ExpectedConditions.attributeToBe(By.id("sync-status"), "data-state", "completed"));
                assertThat(board.requests()).isGreaterThan(requestsBefore);
                assertThat(driver.findElement(By.id("sync-status")).getText())
                        .contains("Sync finished: 4 new to review.")
                        .contains("Widget Works");
                assertThat(driver.findElement(By.id("sync-now")).isEnabled()).isTrue();

                // the four matching postings, not the designer's; each links to its posting
                wait.until(d -> titles(d).size() == 4);
                assertThat(titles(driver)).containsExactlyInAnyOrder(
                        "Data Engineer", "Senior Data Engineer", "Data Engineer, Platform", "Analytics Engineer");
                WebElement remote = listing(driver, "Data Engineer");
                assertThat(remote.getText()).contains("Widget Works").contains("Remote - US").contains("Remote");
                WebElement berlin = listing(driver, "Senior Data Engineer");
                assertThat(berlin.findElement(By.partialLinkText("View the job posting")).getAttribute("href"))
                        .isEqualTo("https://job-boards.greenhouse.io/" + FakeGreenhouse.BOARD + "/jobs/4012002");
                assertThat(berlin.getText()).contains("Matched: Data Engineer");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing-counts"), "4 new jobs to review"));

                // filter by keywords (title or location)
                driver.findElement(By.id("filter-keywords")).sendKeys("Berlin");
                driver.findElement(By.id("filter-submit")).click();
                wait.until(d -> titles(d).equals(List.of("Senior Data Engineer")));
                assertThat(driver.getCurrentUrl()).contains("keywords=Berlin");

                // mark it interesting: it leaves the new ones, the counts follow
                listing(driver, "Senior Data Engineer").findElement(By.xpath(".//button[.='Mark interesting']")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing-counts"), "3 new jobs to review · 1 interested"));
                wait.until(d -> titles(d).isEmpty());

                // the other three, dismissed together after confirming
                driver.findElement(By.id("clear-filters")).click();
                wait.until(d -> titles(d).size() == 3);
                driver.findElement(By.xpath("//button[.='Dismiss all new']")).click();
                var confirm = wait.until(ExpectedConditions.alertIsPresent());
                assertThat(confirm.getText()).isEqualTo("Dismiss every new listing?");
                confirm.accept();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("listing-counts"),
                        "0 new jobs to review · 1 interested · 0 applied · 3 dismissed"));
                wait.until(d -> titles(d).isEmpty());

                // the interesting one is kept, with its badge and the actions an interesting job has
                new Select(driver.findElement(By.id("filter-status"))).selectByValue("interested");
                wait.until(d -> titles(d).equals(List.of("Senior Data Engineer")));
                WebElement kept = listing(driver, "Senior Data Engineer");
                assertThat(kept.findElement(By.tagName("mark")).getText()).isEqualTo("Interested");
                assertThat(kept.findElements(By.cssSelector("footer button"))).extracting(WebElement::getText)
                        .containsExactly("Dismiss", "Mark applied");
            } catch (RuntimeException | AssertionError e) {
                throw E2eAccounts.failure(driver, "jobs", e);
            }
        }
    }

    private static By companyRow() {
        return By.cssSelector("#companies-list tr[data-company-name='Widget Works']");
    }

    private static List<String> titles(org.openqa.selenium.WebDriver driver) {
        return driver.findElements(By.cssSelector("article.listing h2")).stream().map(WebElement::getText).toList();
    }

    private static WebElement listing(org.openqa.selenium.WebDriver driver, String title) {
        return driver.findElement(By.xpath("//article[contains(@class,'listing')][.//h2[.='" + title + "']]"));
    }
}
