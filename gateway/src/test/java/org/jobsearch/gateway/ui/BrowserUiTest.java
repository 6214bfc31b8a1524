package org.jobsearch.gateway.ui;

import org.jobsearch.gateway.DownstreamStub.Answer;
import org.jobsearch.gateway.DownstreamStub.ReceivedRequest;
import org.jobsearch.gateway.GatewayIntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The UI in headless Chromium against the running gateway: sign-in, the applied-jobs page
 * (list, create, the new application appearing after the event delay), navigation, sign-out.
 * The stub plays tracker and discovery. Skipped where Chromium is not installed.
 */
class BrowserUiTest extends GatewayIntegrationTest {

    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    /** Text that would become an element if the UI ever parsed data as HTML. */
    private static final String HOSTILE_COMPANY = "<img src=x id=injected onerror=alert(1)>Evil & Co";

    private static WebDriver driver;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean present = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI must install Debian's chromium and chromium-driver (.ci/run does)");
        }
        assumeTrue(present, "Chromium and chromedriver are not installed");
        profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        // an explicit driver, so Selenium Manager never tries the network
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void signInRecordAnApplicationSeeItListedAndSignOut() {
        TrackerAndDiscovery services = new TrackerAndDiscovery();
        downstream.respondWith(services::answer);
        String username = newUser();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(10));

        // a deep link without a session goes to the login page, and back after signing in
        driver.get(url("/applied-jobs"));
        wait.until(ExpectedConditions.urlContains("/login"));
        WebElement submit = driver.findElement(By.id("login-submit"));
        wait.until(ExpectedConditions.elementToBeClickable(submit));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(USER_PASSWORD);
        submit.click();
        wait.until(ExpectedConditions.urlContains("/applied-jobs"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), "Signed in as " + username));

        // the existing application is listed, its hostile company name shown as text
        WebElement existing = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("tr[data-application-id='" + services.existingId + "']")));
        assertThat(existing.getText()).contains(HOSTILE_COMPANY).contains("no response");
        assertThat(driver.findElements(By.id("injected"))).isEmpty();

        // record a new one; it shows up once "the event" has reached discovery
        driver.findElement(By.id("field-company")).sendKeys("Acme");
        driver.findElement(By.id("field-title")).sendKeys("Staff Engineer");
        driver.findElement(By.id("field-externalJobId")).sendKeys("R-1234");
        driver.findElement(By.id("field-source")).sendKeys("Company site");
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("main"), "Waiting for it to appear"));
        WebElement created = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("tr.highlight")));
        assertThat(created.getText()).contains("Acme", "Staff Engineer", "R-1234");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("Your new application is highlighted below.");
        assertThat(services.creations).singleElement().satisfies(post -> {
            assertThat(post.body()).isEqualTo("{\"company\":\"Acme\",\"title\":\"Staff Engineer\",\"externalJobId\":\"R-1234\",\"source\":\"company_site\"}");
            assertThat(post.header("Authorization")).startsWith("Bearer ");
        });

        // another page through the navigation, which marks where the user is
        driver.findElement(By.linkText("Settings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Settings"));
        assertThat(driver.findElement(By.linkText("Settings")).getAttribute("aria-current")).isEqualTo("page");
        assertThat(driver.findElement(By.linkText("Applied jobs")).getAttribute("aria-current")).isNull();

        // a deep link from the list: the application page
        driver.navigate().back();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Staff Engineer"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Application"));
        assertThat(driver.getCurrentUrl()).endsWith("/applications/" + services.createdIds.get(0));

        driver.findElement(By.id("logout")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-message"), "You have been signed out."));
        driver.get(url("/applied-jobs"));
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Tracker accepts applications; discovery lists them only some time later, as it would after
     * consuming ApplicationStatusChanged.
     */
    private static final class TrackerAndDiscovery {

        private static final Duration EVENT_DELAY = Duration.ofMillis(1500);

        final String existingId = UUID.randomUUID().toString();
        final List<String> createdIds = new CopyOnWriteArrayList<>();
        final List<ReceivedRequest> creations = new CopyOnWriteArrayList<>();
        private final List<String> listedItems = new CopyOnWriteArrayList<>();
        private final List<Instant> visibleFrom = new CopyOnWriteArrayList<>();

        TrackerAndDiscovery() {
            listedItems.add(item(existingId, HOSTILE_COMPANY, "Backend Developer", "X-9", UUID.randomUUID().toString(),
                    "2026-01-05T09:30:00Z"));
            visibleFrom.add(Instant.EPOCH);
        }

        Answer answer(ReceivedRequest request) {
            if (request.method().equals("POST") && request.path().equals("/api/tracker/applications")) {
                creations.add(request);
                String id = UUID.randomUUID().toString();
                createdIds.add(id);
                listedItems.add(0, item(id, "Acme", "Staff Engineer", "R-1234", null, Instant.now().toString()));
                visibleFrom.add(0, Instant.now().plus(EVENT_DELAY));
                return new Answer(201, "{\"id\":\"" + id + "\",\"company\":\"Acme\",\"title\":\"Staff Engineer\"}");
            }
            if (request.method().equals("GET") && request.path().equals("/api/discovery/applied-jobs")) {
                List<String> visible = new ArrayList<>();
                for (int i = 0; i < listedItems.size(); i++) {
                    if (Instant.now().isAfter(visibleFrom.get(i))) {
                        visible.add(listedItems.get(i));
                    }
                }
                return new Answer(200, "{\"items\":[" + String.join(",", visible) + "],\"page\":0,\"size\":20,\"total\":"
                        + visible.size() + "}");
            }
            return new Answer(404, "{\"title\":\"Not Found\",\"status\":404}");
        }

        /** discovery-service's AppliedJobResponse. */
        private static String item(String id, String company, String title, String externalJobId, String sourceListingId,
                                   String appliedAt) {
            return Stream.of(
                            "\"applicationId\":" + json(id),
                            "\"company\":" + json(company),
                            "\"title\":" + json(title),
                            "\"externalJobId\":" + json(externalJobId),
                            "\"sourceListingId\":" + json(sourceListingId),
                            "\"status\":\"no_response\"",
                            "\"appliedAt\":" + json(appliedAt))
                    .collect(Collectors.joining(",", "{", "}"));
        }

        private static String json(String value) {
            return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }
}
