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
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The flows people use, in Debian's headless Chromium: a manager signs in and sees the workbench in Chinese, switches
 * to English and signs out; a resident switches the elderly mode on and signs out. Screenshots go to
 * target/screenshots. Without Chromium the test is skipped on a developer's machine and fails in CI.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "linli.demo=true")
class SignInBrowserTests {

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
		// a browser set up for Chinese, as the compound's staff and residents use
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
	void aManagerWorksInChineseSwitchesToEnglishAndSignsOut() throws Exception {
		signIn("manager");
		waitFor(By.id("console-welcome"));
		assertThat(browser.getCurrentUrl()).endsWith("/console");
		assertThat(browser.findElement(By.tagName("body")).getText()).contains("工作台", "幸福里小区", "小区档案");
		screenshot("manager-console-zh");

		browser.findElement(By.id("lang-en")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Workbench"));
		assertThat(browser.findElement(By.id("console-welcome")).getText()).startsWith("Hello");
		screenshot("manager-console-en");
		browser.findElement(By.id("lang-zh")).click();
		waitFor(By.id("console-welcome"));

		browser.findElement(By.id("logout")).click();
		waitFor(By.id("login-submit"));
		assertThat(browser.getCurrentUrl()).contains("/login?logout");
	}

	@Test
	void aResidentSwitchesTheElderlyModeOnAndSignsOut() throws Exception {
		signIn("resident");
		waitFor(By.id("app-greeting"));
		assertThat(browser.getCurrentUrl()).endsWith("/app");
		double normal = baseFontSize();
		screenshot("resident-app");

		browser.get(url("/app/settings"));
		browser.findElement(By.id("elderly-setting")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("elderly"));
		assertThat(baseFontSize()).isGreaterThanOrEqualTo(20).isGreaterThan(normal);
		assertThat(browser.findElement(By.id("elderly-setting")).getSize().getHeight()).isGreaterThanOrEqualTo(56);
		screenshot("resident-settings-elderly");

		browser.get(url("/app"));
		assertThat(browser.findElement(By.tagName("body")).getAttribute("class")).contains("elderly");
		screenshot("resident-app-elderly");

		browser.get(url("/console"));
		assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("无权访问");

		browser.get(url("/app/settings"));
		browser.findElement(By.id("elderly-setting")).click();
		waitFor(By.id("app-logout")).click();
		waitFor(By.id("login-submit"));
	}

	private void signIn(String username) {
		browser.manage().deleteAllCookies();
		browser.get(url("/login"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys("Demo@2026");
		browser.findElement(By.id("login-submit")).click();
	}

	private static double baseFontSize() {
		String size = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return getComputedStyle(document.body).fontSize");
		return Double.parseDouble(size.replace("px", ""));
	}

	private static org.openqa.selenium.WebElement waitFor(By locator) {
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
