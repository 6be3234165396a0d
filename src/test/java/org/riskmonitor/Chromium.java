package org.riskmonitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.riskmonitor.demo.DemoPeople;

/**
 * Debian's headless Chromium in Chinese, for the browser tests: nothing is fetched from outside,
 * every run has a fresh profile, screenshots go to target/screenshots/.
 */
public final class Chromium implements AutoCloseable {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  private final ChromeDriver browser;
  private final WebDriverWait wait;

  public Chromium() throws IOException {
    this(false);
  }

  /** A phone's screen, 390 × 844 CSS pixels with touch, as a sampler holds it on site. */
  public static Chromium phone() throws IOException {
    return new Chromium(true);
  }

  private Chromium(boolean phone) throws IOException {
    // said plainly here: Selenium's own errors for a missing browser or driver do not name the package
    for (Path needed : List.of(BINARY, DRIVER)) {
      if (!Files.isExecutable(needed)) {
        throw new IllegalStateException("The browser tests need Chromium at " + BINARY + " and its driver at " + DRIVER
            + "; " + needed + " is missing. On Debian: apt-get install chromium chromium-driver (.ci/run does).");
      }
    }
    System.setProperty("SE_OFFLINE", "true");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BINARY.toString());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1500", "--lang=zh-CN",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
    if (phone) {
      options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
          Map.of("width", 390, "height", 844, "pixelRatio", 3.0, "touch", true, "mobile", true)));
    }
    // the console, where Chromium reports what a Content-Security-Policy blocked
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(25));
    Files.createDirectories(SCREENSHOTS);
  }

  public ChromeDriver browser() {
    return browser;
  }

  public WebDriverWait waiting() {
    return wait;
  }

  /** Logs in on Tasklist's page, which also opens the session our own pages accept. */
  public void login(int port, String user) {
    browser.manage().deleteAllCookies();
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    WebElement form = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form[name=signinForm]")));
    form.findElement(By.cssSelector("input[type=text]")).sendKeys(user);
    form.findElement(By.cssSelector("input[type=password]")).sendKeys(DemoPeople.PASSWORD);
    form.findElement(By.cssSelector("button[type=submit]")).click();
    // after the login Tasklist loads its filters, counts and list at once: on a loaded machine (a CI
    // runner sharing two cores with the database) that has taken longer than a page's usual wait
    new WebDriverWait(browser, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[contains(text(), '我的待办')]")));
  }

  /** What the page's Content-Security-Policy refused since the last call: scripts, styles, images... */
  public List<String> securityPolicyViolations() {
    return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy")).toList();
  }

  /** Saves what the browser shows as target/screenshots/{name}.png and returns the file. */
  public Path shoot(String name) throws IOException {
    Path target = SCREENSHOTS.resolve(name + ".png");
    Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
    return target;
  }

  @Override
  public void close() {
    browser.quit();
  }
}
