package org.linli.access;

import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The resident's visitor-pass form names every wrong field beside its input, in elderly mode too. */
@LinliIntegrationTest
class VisitorFormIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long passes() {
		return this.jdbc.sql("select count(*) from access.visitor_pass").query(Long.class).single();
	}

	@Test
	void everyWrongFieldIsShownBesideItsInputAndNothingIsWritten() throws Exception {
		var session = Pages.signIn(this.mvc, "resident").session();
		this.mvc.perform(post("/preferences/elderly").session(session).with(csrf()).param("on", "true"));
		try {
			long before = passes();
			this.mvc.perform(post("/app/visitors").session(session).with(csrf()).param("guestName", "")
				.param("guestPhone", "12345").param("validFrom", "").param("validUntil", "not-a-time"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("class=\"elderly app\"")))
				.andExpect(content().string(containsString("data-field=\"guestName\"")))
				.andExpect(content().string(containsString("data-field=\"guestPhone\"")))
				.andExpect(content().string(containsString("data-field=\"validFrom\"")))
				.andExpect(content().string(containsString("data-field=\"validUntil\"")))
				.andExpect(content().string(containsString("请填写访客姓名")))
				.andExpect(content().string(containsString("value=\"12345\"")));
			// two wrong fields of a pass whose times are readable: both named, the good ones kept
			this.mvc.perform(post("/app/visitors").session(session).with(csrf()).param("guestName", "x".repeat(61))
				.param("guestPhone", "13800138000").param("validFrom", "2026-01-01T10:00")
				.param("validUntil", "2026-01-01T09:00"))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("data-field=\"guestName\"")))
				.andExpect(content().string(containsString("data-field=\"validUntil\"")))
				.andExpect(content().string(containsString("value=\"13800138000\"")));
			assertThat(passes()).isEqualTo(before);
		}
		finally {
			// the demo resident's preference is shared by every test class: leave it as found
			this.mvc.perform(post("/preferences/elderly").session(session).with(csrf()).param("on", "false"));
		}
	}

}
