package org.riskmonitor.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskmonitor.Chromium;
import org.riskmonitor.RiskMonitorTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What our users see around the webapps, in a real Chromium: no Camunda end-of-life banner in
 * Tasklist, Cockpit, Welcome or Admin, a footer naming Risk Monitor and its version, and on Tasklist's login
 * page the reason a correct password is refused after a mistyped one. Screenshots go to
 * target/screenshots/.
 */
class WebappsHeaderBrowserTest extends RiskMonitorTest {

  private static final String FOOTER = "风险监测 Risk Monitor \\d+\\.\\d+\\.\\d+.*";

  @LocalServerPort
  private int port;

  private Chromium chromium;
  private ChromeDriver browser;
  private WebDriverWait wait;

  @BeforeEach
  void startChromium() throws IOException {
    chromium = new Chromium();
    browser = chromium.browser();
    wait = chromium.waiting();
  }

  @AfterEach
  void stopChromium() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void noEndOfLifeBanner_andTheFooterNamesRiskMonitor() throws IOException {
    chromium.login(port, "coordinator");
    assertOurHeaderAndFooter();
    chromium.shoot("tasklist-header");

    // the same session in Cockpit, which coordinators may use
    browser.get("http://localhost:" + port + "/camunda/app/cockpit/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[cam-widget-header]")));
    assertOurHeaderAndFooter();
    chromium.shoot("cockpit-header");

    browser.get("http://localhost:" + port + "/camunda/app/welcome/");
    assertOurHeaderAndFooter();
    chromium.shoot("welcome-header");

    // Admin, not granted to coordinators: its login page
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/admin/");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[name=signinForm]")));
    assertOurHeaderAndFooter();
    chromium.shoot("admin-header");
    chromium.shoot("admin-header");
  }

  @Test
  void tasklistLoginTellsHowLongToWaitAfterAMistypedPassword() throws IOException {
    IdentityService identity = engine.getIdentityService();
    String userId = "headerprobe" + System.nanoTime() % 100_000;
    User user = identity.newUser(userId);
    user.setPassword("Header-Probe-2026!");
    // in no group: it never logs in, and no case is ever assigned to it
    identity.saveUser(user);

    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    signIn(userId, "Header-Probe-2025?");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "登录失败"));
    signIn(userId, "Header-Probe-2026!");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), "秒后再试"));
    assertThat(browser.findElement(By.tagName("body")).getText()).containsPattern("请等待[123]秒后再试")
        .containsPattern("please wait [123] seconds");
    chromium.shoot("tasklist-login-delay");
  }

  private void signIn(String user, String password) {
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    WebElement name = form.findElement(By.cssSelector("input[type=text]"));
    name.clear();
    name.sendKeys(user);
    WebElement secret = form.findElement(By.cssSelector("input[type=password]"));
    secret.clear();
    secret.sendKeys(password);
    form.findElement(By.cssSelector("button[type=submit]")).click();
  }

  private void assertOurHeaderAndFooter() {
    WebElement ours = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".riskmonitor-version")));
    assertThat(ours.getText()).matches(FOOTER);
    assertThat(browser.findElement(By.cssSelector("[cam-widget-footer]")).getText()).contains("Risk Monitor");
    // Camunda draws the banner for every community installation; ours is hidden
    List<WebElement> banners = browser.findElements(By.cssSelector(".ce-eol-banner"));
    assertThat(banners).isNotEmpty().noneMatch(WebElement::isDisplayed);
    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
  }
}
