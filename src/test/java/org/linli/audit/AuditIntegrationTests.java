package org.linli.audit;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.audit.domain.AuditTrail;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit trail: what is recorded, who may read it, and that nobody can change it unnoticed. */
@LinliIntegrationTest
class AuditIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JdbcTemplate jdbcTemplate;

	@Autowired
	AuditTrail trail;

	@Test
	void signInsFailuresSignOutsAndWritesAreRecordedWithAccountResultAndSource() throws Exception {
		String marker = "audit" + UUID.randomUUID().toString().substring(0, 6);
		Api.tokenRequest(this.mvc, marker, "Wrong#Pass1");
		var staff = Pages.signIn(this.mvc, "staff");
		this.mvc.perform(post("/preferences/elderly").session(staff.session()).with(csrf()).param("on", "false"));
		this.mvc.perform(post("/logout").session(staff.session()).with(csrf()));
		this.mvc.perform(bearer(post("/api/v1/communities"), Api.token(this.mvc, "manager"))
			.contentType(MediaType.APPLICATION_JSON).content("{\"code\":\"x\"}"));

		assertThat(count("account = :a and action = 'LOGIN' and result = 'FAILURE'", marker)).isOne();
		assertThat(count("account = :a and action = 'LOGIN' and result = 'SUCCESS'", "staff")).isPositive();
		assertThat(count("account = :a and action = 'LOGOUT'", "staff")).isPositive();
		assertThat(count("account = :a and action = 'POST /preferences/elderly' and result = 'SUCCESS' "
				+ "and source_address is not null", "staff")).isPositive();
		assertThat(count("account = :a and action = 'POST /api/v1/communities' and result = 'FAILURE'", "manager"))
			.isPositive();
	}

	@Test
	void refusedRequestsOfSignedInAccountsAreRecorded() throws Exception {
		var resident = Pages.signIn(this.mvc, "resident");
		this.mvc.perform(get("/console/accounts").session(resident.session())).andExpect(status().isForbidden());
		assertThat(count("account = :a and action = 'ACCESS GET' and object = '/console/accounts' "
				+ "and result = 'REJECTED'", "resident")).isPositive();
	}

	@Test
	void theAuditorSearchesAndExportsTheTrailAndOthersCannot() throws Exception {
		Pages.signIn(this.mvc, "committee");
		String auditor = Api.token(this.mvc, "auditor");
		this.mvc.perform(bearer(get("/api/v1/audit-events").param("account", "committee").param("size", "5"), auditor))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[0].account").value("committee"))
			.andExpect(jsonPath("$.content[0].occurredAt").value(containsString("+08:00")))
			.andExpect(jsonPath("$.page.totalElements").value(greaterThan(0)));
		this.mvc.perform(bearer(get("/api/v1/audit-events"), Api.token(this.mvc, "admin")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/audit-events"), Api.token(this.mvc, "security")))
			.andExpect(status().isForbidden());

		var page = Pages.signIn(this.mvc, "auditor");
		this.mvc.perform(get("/console/audit").param("account", "committee").session(page.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("committee")));
		this.mvc.perform(get("/console/audit/export.csv").param("account", "committee").session(page.session()))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(content().string(containsString("\"committee\",\"LOGIN\"")));
	}

	@Test
	void theApplicationOffersNoWayToChangeTheTrailAndTheDatabaseRefusesIt() throws Exception {
		String auditor = Api.token(this.mvc, "auditor");
		this.mvc.perform(bearer(delete("/api/v1/audit-events/1"), auditor)).andExpect(status().is4xxClientError());
		long id = this.jdbc.sql("select max(id) from audit.audit_event").query(Long.class).single();
		assertThatThrownBy(() -> this.jdbc.sql("update audit.audit_event set account = 'x' where id = :id")
			.param("id", id).update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from audit.audit_event where id = :id").param("id", id).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void changingAnEventBehindTheApplicationsBackBreaksTheChain() throws Exception {
		Pages.signIn(this.mvc, "engineer");
		assertThat(this.trail.verify()).isEmpty();
		long id = this.jdbc.sql("select max(id) from audit.audit_event where account = 'engineer'").query(Long.class)
			.single();
		String original = this.jdbc.sql("select result from audit.audit_event where id = :id").param("id", id)
			.query(String.class).single();
		tamper(id, "FAILURE");
		try {
			assertThat(this.trail.verify()).hasValue(id);
			var page = Pages.signIn(this.mvc, "auditor");
			this.mvc.perform(get("/console/audit/verify").session(page.session()))
				.andExpect(content().string(containsString("已被篡改")));
		}
		finally {
			tamper(id, original);
		}
		assertThat(this.trail.verify()).isEmpty();
	}

	@Test
	void severalRecordsWrittenAtOnceAreChainedInTheirOrder() {
		long before = this.jdbc.sql("select coalesce(max(id), 0) from audit.audit_event").query(Long.class).single();
		this.trail.appendAll(java.util.List.of(
				new AuditRecord("staff", "BILL_RUN", "community/a/period/2026-01", AuditRecord.Result.SUCCESS, null,
						"created=1"),
				new AuditRecord("staff", "BILL_RUN", "community/b/period/2026-01", AuditRecord.Result.SUCCESS, null,
						"created=2")));
		assertThat(this.jdbc.sql("select object from audit.audit_event where id > :id and action = 'BILL_RUN' "
				+ "and account = 'staff' order by id").param("id", before).query(String.class).list())
			.containsSubsequence("community/a/period/2026-01", "community/b/period/2026-01");
		assertThat(this.jdbc.sql("""
				select count(*) from audit.audit_event e join audit.audit_event p on p.hash = e.prev_hash
				 where e.id > :id and e.object = 'community/b/period/2026-01' and p.object = 'community/a/period/2026-01'
				""").param("id", before).query(Long.class).single()).isEqualTo(1);
		assertThat(this.trail.verify()).isEmpty();
	}

	/** What a database administrator could do with the triggers switched off. */
	private void tamper(long id, String result) {
		this.jdbcTemplate.execute((java.sql.Connection connection) -> {
			try (var statement = connection.createStatement()) {
				statement.execute("alter table audit.audit_event disable trigger audit_event_append_only");
				statement.execute("update audit.audit_event set result = '" + result + "' where id = " + id);
				statement.execute("alter table audit.audit_event enable trigger audit_event_append_only");
			}
			return null;
		});
	}

	private long count(String where, String account) {
		return this.jdbc.sql("select count(*) from audit.audit_event where " + where).param("a", account)
			.query(Long.class).single();
	}

}
