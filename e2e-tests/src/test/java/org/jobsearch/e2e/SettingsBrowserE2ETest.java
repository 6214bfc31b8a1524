package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The account settings in the browser: a personal API token made on the page works for a script until it is revoked
 * there; a password changed on the page is the one that signs in; an administrator adds, renames and removes a
 * company, and adds a user in the Users section, who can sign in and does not see that section.
 */
class SettingsBrowserE2ETest {

    @Test
    void tokensAndPasswordAreManagedOnTheAccountPage() throws Exception {
        String gateway = RunningPlatform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String username = "settings-" + run;
        String password = "first-pass-" + run;
        String newPassword = "second-pass-" + run;
        E2eAccounts.createUser(gateway, username, password);

        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            WebDriverWait wait = E2eAccounts.waiting(driver, 30);
            try {
                E2eAccounts.signIn(driver, gateway, "/settings/account", username, password);
                // a plain user has no Users section, not even by its address
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-nav-account")));
                assertThat(driver.findElements(By.id("settings-nav-users"))).isEmpty();

                // a token: its secret is shown once, and it works for a script
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-name"))).sendKeys("backup script");
                driver.findElement(By.id("token-submit")).click();
                WebElement secretField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token-secret")));
                String secret = secretField.getDomProperty("value");
                assertThat(secret).startsWith("jst_");
                assertThat(driver.findElement(By.id("new-token")).findElements(By.xpath(".//button[.='Copy']"))).hasSize(1);
                WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(tokenRow("backup script")));
                assertThat(row.findElement(By.cssSelector("td.token-state")).getText()).isEqualTo("Active");
                assertThat(row.getText()).doesNotContain(secret);

                HttpResponse<String> me = E2eAccounts.get(gateway + "/api/me", "Bearer " + secret);
                assertThat(me.statusCode()).isEqualTo(200);
                assertThat(me.body()).contains("\"username\":\"" + username + "\"");

                // revoked on the page: the script is refused
                driver.findElement(tokenRow("backup script")).findElement(By.xpath(".//button[.='Revoke']")).click();
                wait.until(ExpectedConditions.alertIsPresent()).accept();
                wait.until(d -> d.findElement(tokenRow("backup script")).findElement(By.cssSelector("td.token-state"))
                        .getText().startsWith("Revoked"));
                assertThat(E2eAccounts.get(gateway + "/api/me", "Bearer " + secret).statusCode()).isEqualTo(401);

                // the password: a wrong current one is refused next to its field, the right one changes it
                driver.findElement(By.id("account-currentPassword")).sendKeys("not-my-password-at-all");
                driver.findElement(By.id("account-newPassword")).sendKeys(newPassword);
                driver.findElement(By.id("account-repeatPassword")).sendKeys(newPassword);
                driver.findElement(By.id("password-submit")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("account-currentPassword-error")));
                assertThat(driver.findElement(By.id("account-currentPassword")).getAttribute("aria-invalid")).isEqualTo("true");
                driver.findElement(By.id("account-currentPassword")).clear();
                driver.findElement(By.id("account-currentPassword")).sendKeys(password);
                driver.findElement(By.id("password-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("password-status"), "Your password is changed."));
                assertThat(E2eAccounts.get(gateway + "/api/me", E2eAccounts.basic(username, password)).statusCode()).isEqualTo(401);

                E2eAccounts.signOut(driver);
                E2eAccounts.signIn(driver, gateway, "/settings/account", username, newPassword);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password-form")));
                E2eAccounts.signOut(driver);
            } catch (RuntimeException | AssertionError e) {
                throw E2eAccounts.failure(driver, "settings-account", e);
            }
        }
    }

    @Test
    void administratorAddsAUserWhoCanSignInWithoutSeeingTheUsersSection() throws Exception {
        String gateway = RunningPlatform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String username = "added-" + run;
        String password = "added-pass-" + run;

        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            WebDriverWait wait = E2eAccounts.waiting(driver, 30);
            try {
                E2eAccounts.signIn(driver, gateway, "/settings", RunningPlatform.ADMIN, RunningPlatform.ADMIN_PASSWORD);

                // an administrator adds a company from explicit board settings, renames it and removes it
                String company = "Admin Co " + run;
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#company-config summary"))).click();
                new Select(driver.findElement(By.id("company-config-platform"))).selectByValue("lever");
                driver.findElement(By.id("company-config-board")).sendKeys("admin-co-" + run);
                driver.findElement(By.id("company-name")).sendKeys(company);
                driver.findElement(By.id("add-company-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("add-company-status"), "Added “" + company + "” (Lever)"));
                wait.until(ExpectedConditions.visibilityOfElementLocated(companyRow(company)))
                        .findElement(By.xpath(".//button[.='Edit']")).click();
                WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#companies-list tr[data-company-name='" + company + "'] input[name=name]")));
                name.clear();
                name.sendKeys(company + " renamed");
                driver.findElement(companyRow(company)).findElement(By.xpath(".//button[.='Save']")).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(companyRow(company + " renamed")))
                        .findElement(By.xpath(".//button[.='Remove']")).click();
                assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).startsWith("Remove “" + company + " renamed”");
                driver.switchTo().alert().accept();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("companies-status"), "“" + company + " renamed” removed."));
                assertThat(driver.findElements(companyRow(company + " renamed"))).isEmpty();

                wait.until(ExpectedConditions.elementToBeClickable(By.id("settings-nav-users"))).click();
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-user-username"))).sendKeys(username);
                driver.findElement(By.id("new-user-password")).sendKeys(password);
                driver.findElement(By.id("new-user-submit")).click();
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("new-user-status"), "“" + username + "” can sign in now."));
                WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("#users-list tr[data-username='" + username + "']")));
                assertThat(row.getText()).contains("User").contains("Enabled").doesNotContain("Admin");
                assertThat(row.findElements(By.xpath(".//button[.='Disable']"))).hasSize(1);

                // without a password: an invitation link, shown once
                driver.findElement(By.id("new-user-username")).sendKeys("invited-" + run);
                driver.findElement(By.id("new-user-submit")).click();
                WebElement invite = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invite-link")));
                assertThat(invite.getDomProperty("value")).startsWith(gateway + "/invite?token=inv_");
                wait.until(d -> d.findElement(By.cssSelector("#users-list tr[data-username='invited-" + run + "'] td.account-state"))
                        .getText().equals("Disabled"));
                E2eAccounts.signOut(driver);

                // the new user signs in; settings show no Users section, and its address says so
                E2eAccounts.signIn(driver, gateway, "/settings", username, password);
                wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("settings-nav-companies")));
                assertThat(driver.findElements(By.id("settings-nav-users"))).isEmpty();
                driver.get(gateway + "/settings/users");
                wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("settings-content"),
                        "Only administrators manage users."));
                assertThat(driver.findElements(By.id("new-user-form"))).isEmpty();
            } catch (RuntimeException | AssertionError e) {
                throw E2eAccounts.failure(driver, "settings-users", e);
            }
        }
    }

    private static By companyRow(String name) {
        return By.cssSelector("#companies-list tr[data-company-name='" + name + "']");
    }

    private static By tokenRow(String name) {
        return By.cssSelector("#tokens-list tr[data-token-name='" + name + "']");
    }
}
