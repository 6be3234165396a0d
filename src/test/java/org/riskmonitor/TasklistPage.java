package org.riskmonitor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda's Tasklist as the browser tests use it: what a person does (open a task by its card,
 * claim, fill a Camunda Form, complete) with the waits form-js and Tasklist's polling need.
 */
public final class TasklistPage {

  private final Chromium chromium;
  private final ChromeDriver browser;
  private final WebDriverWait wait;
  private final int port;
  private final TaskService tasks;
  private final List<String> shots = new ArrayList<>();

  public TasklistPage(Chromium chromium, int port, TaskService tasks) {
    this.chromium = chromium;
    this.browser = chromium.browser();
    this.wait = chromium.waiting();
    this.port = port;
    this.tasks = tasks;
  }

  public void login(String user) {
    chromium.login(port, user);
  }

  /** Opens the task whose card names both the business key and the step. */
  public void openTask(String businessKey, String taskName) {
    By card = By.xpath("//li[contains(@class, 'task') and contains(., '" + businessKey + "') and contains(., '" + taskName + "')]");
    // Tasklist redraws its list when it polls: a card found a moment ago may be gone, so find it
    // again; in a long list the card may sit under the page's fixed footer until scrolled to
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class).until(driver -> {
      WebElement found = ExpectedConditions.elementToBeClickable(card).apply(driver);
      if (found == null) {
        return false;
      }
      WebElement title = found.findElement(By.cssSelector("h4, a, .names"));
      ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", title);
      title.click();
      return true;
    });
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), businessKey));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
  }

  /**
   * Opens a task by its link, as the assignment mail's reader does: a long list (sorted by due date,
   * fifteen to a page) need not show its card on the first page.
   */
  public void openTaskLink(String taskId, String businessKey) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("body"), businessKey));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("button[ng-click='complete()']")));
  }

  /** Opens Tasklist's 发起流程 Start process dialog on the start form of the named process. */
  public void startForm(String processName) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/#/");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[contains(., '发起流程')]"))));
    click(wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[contains(@class, 'modal')]//a[contains(., '"
        + processName + "')]"))));
  }

  /** The start dialog's 发起 Start button. */
  public WebElement startButton() {
    return wait.until(ExpectedConditions.elementToBeClickable(
        By.xpath("//*[contains(@class, 'modal')]//button[normalize-space(.) = '发起']")));
  }

  public void tab(String label) {
    wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//ul[contains(@class, 'nav-tabs')]//a[normalize-space(.) = '"
        + label + "']"))).click();
  }

  public void claim() {
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".claim"))).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".claim")));
  }

  /** A Camunda Form (form-js) field, found by the key the form gives it. */
  public WebElement formJs(String key) {
    return wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-Field_" + key + "']")));
  }

  /** What the open form shows, text only. */
  public String formText() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container"))).getText();
  }

  /**
   * Types into a form-js field as a user would, and waits until the form took it: form-js keeps
   * typed text only after a short debounce, and a field left sooner may lose it.
   */
  public void type(String key, String text) throws InterruptedException {
    WebElement field = formJs(key);
    field.sendKeys(text);
    wait.until(d -> text.equals(field.getAttribute("value")));
    Thread.sleep(400);
  }

  /** Opens a form-js date picker and clicks today, as a user would. */
  public void pickToday(String key) {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[id*='-Field_" + key + "']")));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", field);
    // the picker opens on a real click, not on a scripted one
    field.click();
    click(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".flatpickr-calendar.open .flatpickr-day.today"))));
  }

  /**
   * Picks an option of a form-js select by a part of its label. A searchable select is an input to
   * click; a plain one hides its input and opens from the value it displays.
   */
  public void choose(String key, String labelPart) throws InterruptedException {
    WebElement field = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[id$='-Field_" + key
        + "']:not(.fjs-select-hidden-input), [id$='-Field_" + key + "-display']")));
    field.click();
    if (field.getTagName().equals("input")) {
      // a searchable select: typing narrows a long list (plans and topics made by other tests) to the option
      field.sendKeys(labelPart);
    }
    WebElement option = wait.until(ExpectedConditions.presenceOfElementLocated(
        By.xpath("//*[contains(@class, 'fjs-dropdownlist-item') and contains(., '" + labelPart + "')]")));
    // a long list scrolls, inside a page that scrolls too: bring the option to the middle of both (at an edge,
    // Tasklist's own panes cover it), then click it as a user would (form-js picks on the mouse press)
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", option);
    wait.until(ExpectedConditions.elementToBeClickable(option)).click();
    // the fields shown on the choice's condition appear a moment later
    Thread.sleep(400);
  }

  /** Picks the option of a form-js radio group whose label holds the text. */
  public void pick(String key, String labelPart) {
    click(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//label[contains(@for, '-Field_" + key
        + "-') and contains(., '" + labelPart + "')]"))));
  }

  public String openTaskId() {
    return browser.getCurrentUrl().replaceAll(".*task=([0-9a-f-]+).*", "$1");
  }

  /** Completes the open task and checks it has left the user's list. */
  public void complete(String businessKey, String screenshot) throws IOException, InterruptedException {
    // form-js takes typed text into its state after a short debounce
    Thread.sleep(600);
    shoot(screenshot);
    String taskId = openTaskId();
    WebElement button;
    try {
      button = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[ng-click='complete()']")));
    } catch (TimeoutException e) {
      // submitting the form-js form makes it show every error it holds, touched or not
      ((JavascriptExecutor) browser).executeScript("document.querySelector('.fjs-container form')"
          + ".dispatchEvent(new Event('submit', {bubbles: true, cancelable: true}));"
          + "document.querySelector('.fjs-container').scrollIntoView({block: 'start'});");
      shoot(screenshot + "-not-submittable");
      throw new AssertionError("the form does not let the user submit; its errors: " + browser.findElements(
          By.cssSelector(".fjs-form-field-error")).stream().map(error -> error.findElement(By.xpath("./ancestor::*["
          + "contains(@class, 'fjs-form-field')][1]")).getText().replace('\n', ' ')).toList(), e);
    }
    click(button);
    try {
      wait.until(d -> tasks.createTaskQuery().taskId(taskId).count() == 0);
    } catch (TimeoutException e) {
      shoot(screenshot + "-not-completed");
      throw new AssertionError("task not completed; Tasklist shows: "
          + browser.findElement(By.tagName("body")).getText().replace('\n', ' '), e);
    }
    wait.until(ExpectedConditions.invisibilityOfElementLocated(
        By.xpath("//li[contains(@class, 'task') and contains(., '" + businessKey + "') and contains(@class, 'active')]")));
    shoot(screenshot + "-done");
  }

  /** Tasklist's fixed footer can cover the bottom of the pane; bring the element to the middle first. */
  public void click(WebElement element) {
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
        element);
  }

  public void shoot(String name) throws IOException {
    shots.add(chromium.shoot(name).toString());
  }

  /** The screenshots taken so far, for the test's output. */
  public List<String> shots() {
    return List.copyOf(shots);
  }
}
