package org.jobsearch.e2e;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings › Resume templates in the browser: the built-ins are listed read-only; a user copies the engineer
 * template, gives it one role to print, and is refused with the problems at their fields (a flexbox rule at the CSS,
 * a role configured twice at that role's key); fixed, the template is created, edited, chosen on the resume page
 * for a resume that then prints only that role, and deleted.
 */
class ResumeTemplatesBrowserE2ETest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void userCopiesABuiltInTemplateSeesErrorsAtTheirFieldsUsesItForAResumeAndDeletesIt() throws Exception {
        String gateway = RunningPlatform.url();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String username = "templates-" + run;
        String password = "templates-pass-" + run;
        String name = "One-role engineer " + run;
        E2eAccounts.createUser(gateway, username, password);
        String basic = E2eAccounts.basic(username, password);
        HttpResponse<String> imported = E2eAccounts.HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/resumes/experience"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Files.readString(fixture("fixtures/experience-base.json")))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);

        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            WebDriverWait wait = E2eAccounts.waiting(driver, 30);
            try {
                E2eAccounts.signIn(driver, gateway, "/settings", username, password);
                wait.until(ExpectedConditions.elementToBeClickable(By.id("settings-nav-templates"))).click();
                wait.until(ExpectedConditions.urlToBe(gateway + "/settings/templates"));

                // the built-ins: read-only, copy or view only
                WebElement engineer = wait.until(ExpectedConditions.visibilityOfElementLocated(row("Engineer")));
                assertThat(engineer.findElement(By.className("template-kind")).getText()).isEqualTo("Built-in (read-only)");
                assertThat(engineer.findElements(By.xpath(".//button[.='Delete' or .='Edit']"))).isEmpty();
                assertThat(driver.findElements(row("Analyst"))).hasSize(1);
                assertThat(driver.findElement(By.id("templates-none")).getText()).contains("no templates of your own");

                // a copy of the engineer template: its markup is filled in
                engineer.findElement(By.xpath(".//button[.='Copy']")).click();
                WebElement nameInput = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-name")));
                assertThat(nameInput.getDomProperty("value")).isEqualTo("Engineer (copy)");
                assertThat(driver.findElement(By.id("template-html")).getDomProperty("value")).contains("data-slot=\"experience\"");
                nameInput.clear();
                nameInput.sendKeys(name);
                new Select(driver.findElement(By.id("template-styleVariant"))).selectByValue("compact");
                appendTo(driver, driver.findElement(By.id("template-css")), "\n.contact { display: flex; }\n");
                addRoleConfig(driver, wait, 0, "adventure_sre", "SRE", "2");
                addRoleConfig(driver, wait, 1, "adventure_sre", "", "3");
                driver.findElement(By.id("template-submit")).click();

                // refused: each problem at the field its pointer names
                wait.until(ExpectedConditions.attributeToBe(By.id("template-css"), "aria-invalid", "true"));
                assertThat(driver.findElement(By.id("template-css-error")).getText()).contains("display: flex");
                WebElement duplicate = driver.findElement(By.name("roleConfigs/1/roleKey"));
                assertThat(duplicate.getDomAttribute("aria-invalid")).isEqualTo("true");
                assertThat(driver.findElement(By.id(duplicate.getDomAttribute("aria-describedby"))).getText())
                        .contains("a second time");
                assertThat(driver.findElement(By.name("roleConfigs/0/roleKey")).getDomAttribute("aria-invalid")).isNull();
                assertThat(driver.findElement(By.id("template-form-status")).getText()).contains("The template was not saved");
                assertThat(driver.findElements(row(name))).isEmpty();

                // fixed: the flexbox rule out, the second role config removed
                WebElement css = driver.findElement(By.id("template-css"));
                ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[0].value.replace(arguments[1], '')",
                        css, ".contact { display: flex; }");
                WebElement second = driver.findElements(By.cssSelector(".template-role-config")).get(1);
                scrollTo(driver, second);
                second.findElement(By.xpath(".//button[.='Remove']")).click();
                driver.findElement(By.id("template-submit")).click();
                wait.until(ExpectedConditions.textToBe(By.id("templates-status"), "“" + name + "” created."));
                WebElement own = wait.until(ExpectedConditions.visibilityOfElementLocated(row(name)));
                String templateId = own.getDomAttribute("data-template-id");
                assertThat(own.findElement(By.className("template-kind")).getText()).isEqualTo("Yours");
                assertThat(own.getText()).contains("Compact").contains("Software engineer");
                assertThat(driver.findElements(By.id("templates-none"))).isEmpty();

                // edited: a description
                own.findElement(By.xpath(".//button[.='Edit']")).click();
                WebElement description = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("template-description")));
                assertThat(driver.findElement(By.name("roleConfigs/0/titleOverride")).getDomProperty("value")).isEqualTo("SRE");
                description.sendKeys("Only the SRE role");
                driver.findElement(By.id("template-submit")).click();
                wait.until(ExpectedConditions.textToBe(By.id("templates-status"), "“" + name + "” saved."));
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(row(name))).getText()).contains("Only the SRE role");

                // chosen on the resume page: the resume prints only the configured role, at most 2 bullets
                driver.findElement(By.cssSelector("header nav a[href='/resume']")).click();
                wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#resume-template option[value='" + templateId + "']")));
                new Select(driver.findElement(By.id("resume-template"))).selectByValue(templateId);
                ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id("resume-jd")),
                        Files.readString(fixture("fixtures/jd-platform-engineer.txt"), StandardCharsets.UTF_8));
                new Select(driver.findElement(By.cssSelector("#resume-start-form select[name=source]"))).selectByValue("company_site");
                driver.findElement(By.id("resume-start")).click();
                wait.until(ExpectedConditions.urlMatches("/resume/[0-9a-f-]{36}$"));
                String resumeId = driver.getCurrentUrl().substring(driver.getCurrentUrl().lastIndexOf('/') + 1);
                E2eAccounts.waiting(driver, 180).until(ExpectedConditions.attributeToBe(By.id("resume-status"), "data-status", "done"));
                JsonNode resume = JSON.readTree(E2eAccounts.get(gateway + "/api/resumes/" + resumeId, basic).body());
                assertThat(resume.path("template").asString()).isEqualTo(templateId);
                assertThat(resume.path("style").asString()).isIn("compact", "dense");
                assertThat(resume.path("content").path("roles")).hasSize(1);
                JsonNode printed = resume.path("content").path("roles").get(0);
                assertThat(printed.path("roleKey").asString()).isEqualTo("adventure_sre");
                assertThat(printed.path("bullets").size()).isBetween(1, 2);

                // deleted: gone from the list and from the resume page's choices
                driver.get(gateway + "/settings/templates");
                wait.until(ExpectedConditions.visibilityOfElementLocated(row(name)))
                        .findElement(By.xpath(".//button[.='Delete']")).click();
                assertThat(wait.until(ExpectedConditions.alertIsPresent()).getText()).startsWith("Delete the template “" + name + "”");
                driver.switchTo().alert().accept();
                wait.until(ExpectedConditions.textToBe(By.id("templates-status"), "“" + name + "” deleted."));
                assertThat(driver.findElements(row(name))).isEmpty();
                assertThat(driver.findElements(row("Engineer"))).hasSize(1);
                assertThat(E2eAccounts.get(gateway + "/api/resumes/templates/" + templateId, basic).statusCode()).isEqualTo(404);
            } catch (RuntimeException | AssertionError e) {
                throw E2eAccounts.failure(driver, "resume-templates", e);
            }
        }
    }

    private static void addRoleConfig(WebDriver driver, WebDriverWait wait, int index, String roleKey, String title, String maxBullets) {
        WebElement add = driver.findElement(By.id("template-add-role-config"));
        scrollTo(driver, add);
        add.click();
        WebElement key = wait.until(ExpectedConditions.visibilityOfElementLocated(By.name("roleConfigs/" + index + "/roleKey")));
        key.sendKeys(roleKey);
        driver.findElement(By.name("roleConfigs/" + index + "/titleOverride")).sendKeys(title);
        WebElement max = driver.findElement(By.name("roleConfigs/" + index + "/maxBullets"));
        max.clear();
        max.sendKeys(maxBullets);
    }

    private static void appendTo(WebDriver driver, WebElement textArea, String text) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[0].value + arguments[1]", textArea, text);
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static By row(String name) {
        return By.cssSelector("#templates-list tr[data-template-name='" + name + "']");
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(ResumeTemplatesBrowserE2ETest.class.getClassLoader().getResource(name), name).toURI());
    }
}
