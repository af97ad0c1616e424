package org.linli.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A repair from filing to rating in Debian's headless Chromium: the demo resident reports a leak, the desk
 * acknowledges and assigns it, the technician accepts and resolves it, the resident confirms and rates it.
 * Screenshots go to target/screenshots. Without Chromium the test is skipped on a developer's machine and fails in CI.
 */
class WorkOrderBrowserTests extends BrowserTest {

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

	private static String status() {
		return waitFor(By.id("work-order-status")).getText();
	}

	private static void waitForStatus(String status) {
		new WebDriverWait(browser, Duration.ofSeconds(15))
			.until(ExpectedConditions.textToBe(By.id("work-order-status"), status));
	}

}
