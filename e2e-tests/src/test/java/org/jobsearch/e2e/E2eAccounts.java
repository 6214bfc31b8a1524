package org.jobsearch.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** What the browser journeys share: fresh users made through the admin API, signing in and out, screenshots. */
final class E2eAccounts {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private E2eAccounts() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A plain user (role USER) that can sign in at once, created by the administrator over HTTP Basic. */
    static void createUser(String gateway, String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/accounts"))
                        .header("Authorization", basic(RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    static HttpResponse<String> get(String url, String authorization) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Opens {@code path}; the gateway sends the browser to the login page, and back to {@code path} once signed in. */
    static void signIn(ChromeDriver driver, String gateway, String path, String username, String password) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        driver.get(gateway + path);
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("signed-in-as"), username));
    }

    static void signOut(ChromeDriver driver) {
        driver.findElement(By.id("logout")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
    }

    /** Waits that survive the page re-rendering the element they look at. */
    static WebDriverWait waiting(WebDriver driver, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    static AssertionError failure(ChromeDriver driver, String name, Throwable e) throws IOException {
        Path shot = Path.of("target", "e2e-" + name + "-failure.png");
        Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
        return new AssertionError(e.getMessage() + "\n(screenshot: " + shot.toAbsolutePath() + ")", e);
    }
}
