package org.linli.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A repair from filing to rating in Debian's headless Chromium: the demo resident reports a leak, the desk
 * acknowledges and assigns it, the technician accepts and resolves it, the resident confirms and rates it.
 * Screenshots go to target/screenshots. Without Chromium the test is skipped on a developer's machine and fails in CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linli.demo=true")
class WorkOrderBrowserTests {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws Exception {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!installed && System.getenv("CI") != null) {
			throw new IllegalStateException("CI must install chromium and chromium-driver (see .ci/run)");
		}
		assumeTrue(installed, "Debian chromium and chromium-driver are not installed");
		Files.createDirectories(SCREENSHOTS);
		Path profile = Files.createTempDirectory(Path.of("target"), "chromium-profile");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--no-first-run", "--disable-background-networking", "--disable-component-update",
					"--disable-sync", "--disable-quic", "--window-size=1280,900", "--lang=zh-CN",
					"--user-data-dir=" + profile.toAbsolutePath());
		options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void aRepairGoesFromFilingToRating() throws Exception {
		signIn("resident");
		waitFor(By.id("tile-work-orders")).click();
		waitFor(By.id("work-order-new")).click();
		new Select(waitFor(By.id("wo-category"))).selectByValue("PLUMBING");
		browser.findElement(By.id("wo-description")).sendKeys("浏览器测试：卫生间水管漏水");
		screenshot("work-order-file");
		click(By.id("work-order-submit"));
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.urlContains("?filed"));
		String url = browser.getCurrentUrl();
		String id = url.substring(url.lastIndexOf('/') + 1, url.indexOf('?'));
		assertThat(status()).isEqualTo("已提交");
		// the running deadline counts down in the browser
		new WebDriverWait(browser, Duration.ofSeconds(10)).until(
				d -> d.findElement(By.cssSelector("[data-deadline] .countdown")).getText().startsWith("剩余"));
		screenshot("work-order-filed");

		signIn("staff");
		browser.get(url("/console/work-orders/" + id));
		waitFor(By.id("action-acknowledge")).click();
		new Select(waitFor(By.id("technician"))).selectByVisibleText("维修技师");
		browser.findElement(By.id("action-assign")).click();
		waitForStatus("已派单");
		assertThat(browser.findElement(By.id("work-order-assignee")).getText()).isEqualTo("维修技师");
		screenshot("work-order-assigned");

		signIn("tech");
		browser.get(url("/console/work-orders/mine"));
		waitFor(By.partialLinkText(id.substring(0, 8).toUpperCase(java.util.Locale.ROOT))).click();
		waitFor(By.id("action-start")).click();
		waitFor(By.id("resolve-materials")).sendKeys("生料带 1 卷");
		browser.findElement(By.id("action-resolve")).click();
		waitForStatus("已完成待确认");
		screenshot("work-order-resolved");

		signIn("resident");
		browser.get(url("/app/work-orders/" + id));
		click(By.id("rating-5"));
		browser.findElement(By.id("rating-comment")).sendKeys("师傅很专业");
		click(By.id("work-order-confirm"));
		waitForStatus("已评价关闭");
		assertThat(browser.findElement(By.id("work-order-history")).getText()).contains("受理", "派单", "接单", "完成",
				"确认并评价");
		screenshot("work-order-rated");
	}

	/** Clicks in the middle of the screen, clear of the app's fixed bottom tabs. */
	private static void click(By locator) {
		WebElement element = waitFor(locator);
		((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
		element.click();
	}

	private static String status() {
		return waitFor(By.id("work-order-status")).getText();
	}

	private static void waitForStatus(String status) {
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBe(By.id("work-order-status"), status));
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		browser.findElement(By.id("login-submit")).click();
		new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	private static WebElement waitFor(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private static void screenshot(String name) throws Exception {
		File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
	}

}
