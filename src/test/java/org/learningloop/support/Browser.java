package org.learningloop.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code
 * .ci/run} installs) driving the pages as a person would. Screenshots of each page checked go to
 * {@code target/screenshots/} for review.
 */
public final class Browser implements AutoCloseable {

  /** How to install what the page tests drive, on Debian or Ubuntu. */
  static final String INSTALL = "apt-get install chromium chromium-driver";

  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final WebDriver driver;
  private final String baseUrl;

  private Browser(WebDriver driver, String baseUrl) {
    this.driver = driver;
    this.baseUrl = baseUrl;
  }

  static Path chromium() {
    return Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  }

  static Path chromedriver() {
    return Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  }

  /**
   * Fails with one message that says what is missing and how to install it, before any page test
   * starts an application or a browser.
   */
  static void requireInstalled(Path chromium, Path chromedriver) {
    List<String> missing =
        Stream.of(chromium, chromedriver)
            .filter(binary -> !Files.isExecutable(binary))
            .map(Path::toString)
            .toList();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "The page tests drive a real headless Chromium, but "
              + String.join(" and ", missing)
              + (missing.size() == 1 ? " is" : " are")
              + " missing. Install Chromium and its driver with `"
              + INSTALL
              + "` (as root), or point -Dchromium.binary and -Dchromedriver.binary at them.");
    }
  }

  public static Browser open(int port) {
    requireInstalled(chromium(), chromedriver());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium().toString());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1024");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver().toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    return new Browser(driver, "http://localhost:" + port);
  }

  public WebDriver driver() {
    return driver;
  }

  /** Signs out by forgetting the session cookie, so each test starts as a stranger. */
  public Browser forgetSession() {
    driver.manage().deleteAllCookies();
    return this;
  }

  public Browser go(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  public Browser signIn(String username, String password) {
    go("/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    String signInPage = driver.getCurrentUrl();
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    // On a busy machine the click returns before the answer has loaded: wait for the next page, so
    // that nothing
    // reads the sign-in page or navigates away while the sign-in is still on its way.
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                !d.getCurrentUrl().equals(signInPage)
                    && "complete"
                        .equals(
                            ((JavascriptExecutor) d).executeScript("return document.readyState")));
    return this;
  }

  public Browser signOut() {
    return clickAndWait(By.xpath("//button[normalize-space()='Sign out']"));
  }

  /**
   * Clicks a link or a form's button and waits for the next page to have loaded, so that nothing
   * reads the old page while the answer is still on its way (a busy machine returns from the click
   * early).
   */
  public Browser clickAndWait(By target) {
    return clickAndWait(driver.findElement(target));
  }

  /** As {@link #clickAndWait(By)}, for a button or link already found. */
  public Browser clickAndWait(org.openqa.selenium.WebElement target) {
    var page = driver.findElement(By.tagName("html"));
    target.click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(
            d ->
                ExpectedConditions.stalenessOf(page).apply(d)
                    && "complete"
                        .equals(
                            ((JavascriptExecutor) d).executeScript("return document.readyState")));
    return this;
  }

  public String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  public String path() {
    return driver.getCurrentUrl().substring(baseUrl.length());
  }

  /**
   * Checks the current page with axe-core against WCAG 2.2 A and AA, fails on any serious or
   * critical violation, and keeps a screenshot named after the page.
   */
  public Browser assertAccessible(String pageName) {
    screenshot(pageName);
    Results results =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
            .analyze(driver);
    List<String> blocking =
        results.getViolations().stream()
            .filter(v -> BLOCKING_IMPACTS.contains(v.getImpact()))
            .map(Browser::describe)
            .toList();
    assertThat(blocking)
        .as("serious or critical accessibility violations on %s", pageName)
        .isEmpty();
    return this;
  }

  public void screenshot(String name) {
    try {
      Files.createDirectories(SCREENSHOTS);
      Path shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath();
      Files.move(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String describe(Rule rule) {
    return rule.getImpact()
        + " "
        + rule.getId()
        + ": "
        + rule.getHelp()
        + " ("
        + rule.getNodes().size()
        + " elements)";
  }

  @Override
  public void close() {
    driver.quit();
  }
}
