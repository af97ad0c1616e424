package org.linli.notification;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With SMTP configured ({@code spring.mail.host}), a notice goes by e-mail to every recipient who stored an address,
 * in that reader's language, and to nobody else. The mail sender is a stand-in that keeps what it was given; this
 * context of its own is closed after the class.
 */
@LinliIntegrationTest
@TestPropertySource(properties = "spring.mail.host=smtp.linli.test")
@Import(EmailChannelIntegrationTests.CapturingMail.class)
@DirtiesContext
class EmailChannelIntegrationTests {

	private static final String PASSWORD = "Ma#il2026notice";

	@TestConfiguration(proxyBeanMethods = false)
	static class CapturingMail {

		@Bean
		Outbox outbox() {
			return new Outbox();
		}

	}

	/** A mail sender that sends nothing and keeps every message. */
	static class Outbox extends JavaMailSenderImpl {

		final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();

		@Override
		public void send(SimpleMailMessage... messages) {
			this.sent.addAll(List.of(messages));
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityApi identity;

	@Autowired
	NotificationApi notifications;

	@Autowired
	Outbox outbox;

	@Test
	void aNoticeGoesByEmailInTheReadersLanguageOnlyToThoseWithAnAddress() throws Exception {
		String prefix = "ml" + UUID.randomUUID().toString().substring(0, 6);
		UUID community = UUID.randomUUID();
		UUID english = account(prefix + "en", community);
		UUID chinese = account(prefix + "zh", community);
		UUID silent = account(prefix + "none", community);
		MockHttpSession en = Pages.signIn(this.mvc, prefix + "en", PASSWORD).session();
		this.mvc.perform(post("/preferences/language").param("lang", "en").session(en).with(csrf()))
			.andExpect(status().is3xxRedirection());
		address(en, prefix + "en@example.com");
		address(Pages.signIn(this.mvc, prefix + "zh", PASSWORD).session(), prefix + "zh@example.com");

		this.notifications.notify(new Notice(community,
				Recipients.account(english).and(Recipients.account(chinese)).and(Recipients.account(silent)),
				"WORK_ORDER", "notification.workorder.autoClosed", null, List.of("AB12CD34"), "/app/work-orders/x",
				null, false));

		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(mine(prefix)).hasSize(2));
		SimpleMailMessage toEnglish = to(prefix + "en@example.com");
		assertThat(toEnglish.getSubject()).isEqualTo("Your report AB12CD34 was closed automatically because it was "
				+ "not confirmed in time; file a new one if the problem is back");
		assertThat(toEnglish.getText()).contains("/app/work-orders/x");
		assertThat(to(prefix + "zh@example.com").getSubject()).startsWith("您的报事 AB12CD34 处理完成后超时未确认");
		// the account without an address got the inbox notice, but no mail
		assertThat(this.notifications.unreadCount(silent)).isEqualTo(1);
		assertThat(mine(prefix)).extracting(m -> m.getTo()[0]).doesNotContain(prefix + "none");
	}

	private UUID account(String username, UUID community) {
		return this.identity.createAccount(new NewAccount(username, PASSWORD, username, EnumSet.of(Role.PROPERTY_STAFF),
				Set.of(community), null, false, true));
	}

	private void address(MockHttpSession session, String email) throws Exception {
		this.mvc.perform(post("/console/notifications/email").param("email", email).session(session).with(csrf()))
			.andExpect(status().is3xxRedirection());
	}

	private List<SimpleMailMessage> mine(String prefix) {
		return this.outbox.sent.stream().filter(m -> m.getTo() != null && m.getTo()[0].startsWith(prefix)).toList();
	}

	private SimpleMailMessage to(String address) {
		return this.outbox.sent.stream().filter(m -> address.equals(m.getTo()[0])).findFirst().orElseThrow();
	}

}
