package org.linli.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows people use, in Debian's headless Chromium: a manager signs in and sees the workbench in Chinese, switches
 * to English and signs out; a resident switches the elderly mode on and signs out. Screenshots go to
 * target/screenshots. Without Chromium the test is skipped on a developer's machine and fails in CI.
 */
class SignInBrowserTests extends BrowserTest {

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

	private static double baseFontSize() {
		String size = (String) ((org.openqa.selenium.JavascriptExecutor) browser)
			.executeScript("return getComputedStyle(document.body).fontSize");
		return Double.parseDouble(size.replace("px", ""));
	}

}
