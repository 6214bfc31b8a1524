package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A person signs in, records an application in the UI and sees it in their applied jobs. */
class AppliedJobsBrowserE2ETest {

    @Test
    void userSignsInRecordsAnApplicationAndSeesItListed() throws Exception {
        String gateway = RunningPlatform.url();
        String company = "Browser Test Co " + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
            try {
                driver.get(gateway + "/applied-jobs");
                // not signed in: the shell sends the browser to the login page
                wait.until(ExpectedConditions.elementToBeClickable(By.id("login-submit")));
                driver.findElement(By.id("username")).sendKeys(RunningPlatform.ADMIN);
                driver.findElement(By.id("password")).sendKeys(RunningPlatform.ADMIN_PASSWORD);
                driver.findElement(By.id("login-submit")).click();

                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("field-company")));
                driver.findElement(By.id("field-company")).sendKeys(company);
                driver.findElement(By.id("field-title")).sendKeys("Staff Engineer");
                driver.findElement(By.id("field-externalJobId")).sendKeys("R-4242");
                driver.findElement(By.id("field-source")).sendKeys("referral");
                driver.findElement(By.cssSelector("form button[type=submit]")).click();

                WebElement row = new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                        ExpectedConditions.visibilityOfElementLocated(By.xpath("//table//tr[td[contains(., '" + company + "')]]")));
                assertThat(row.getText()).contains("Staff Engineer").contains("R-4242");
            } catch (RuntimeException | AssertionError e) {
                Path shot = Path.of("target", "e2e-failure.png");
                Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
                throw new AssertionError(e.getMessage() + "\n(screenshot: " + shot.toAbsolutePath() + ")", e);
            }
        }
    }
}
