package org.linli.registry;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.IdNumbers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A resident asks to add a member or change ownership; staff approve or reject; nothing changes before approval. */
@LinliIntegrationTest
class ChangeRequestIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.linli.shared.crypto.FieldCipher cipher;

	@Test
	void aNewMemberJoinsTheHouseholdOnlyWhenStaffApprove() throws Exception {
		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		UUID household = this.jdbc.sql("select household_id from registry.person where id = "
				+ "(select person_id from identity.account where username = 'resident')").query(UUID.class).single();
		var resident = Pages.signIn(this.mvc, "resident");
		this.mvc.perform(post("/app/household/requests/member").session(resident.session()).with(csrf())
			.param("name", "新成员").param("idNumber", "110105194912310021").param("relation", "FAMILY"))
			.andExpect(flash().attributeExists("requestErrors"));
		String idNumber = IdNumbers.valid("110105", "20150615", 123);
		this.mvc.perform(post("/app/household/requests/member").session(resident.session()).with(csrf())
			.param("name", "新成员").param("idNumber", idNumber).param("relation", "FAMILY"))
			.andExpect(flash().attribute("requested", true));
		this.mvc.perform(post("/app/household/requests/ownership").session(resident.session()).with(csrf())
			.param("description", "房屋已出售给王先生，下月办理过户"))
			.andExpect(flash().attribute("requested", true));
		assertThat(members(household)).doesNotContain("新成员");
		String stored = this.jdbc.sql("select string_agg(payload_enc, '') from registry.change_request "
				+ "where household_id = :h").param("h", household).query(String.class).single();
		assertThat(stored).doesNotContain(idNumber).doesNotContain("新成员");

		this.mvc.perform(get("/console/communities/{cid}/requests", xingfuli).session(resident.session()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/communities/{cid}/requests", xingfuli)
			.session(Pages.signIn(this.mvc, "committee").session())).andExpect(status().isForbidden());

		var staff = Pages.signIn(this.mvc, "staff");
		this.mvc.perform(get("/console/communities/{cid}/requests", xingfuli).session(staff.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("新成员")))
			.andExpect(content().string(containsString(idNumber.substring(0, 6) + "********")));
		UUID member = this.jdbc.sql("select id from registry.change_request where household_id = :h "
				+ "and kind = 'ADD_MEMBER' and status = 'PENDING'").param("h", household).query(UUID.class).single();
		UUID ownership = this.jdbc.sql("select id from registry.change_request where household_id = :h "
				+ "and kind = 'OWNERSHIP_CHANGE' and status = 'PENDING'").param("h", household).query(UUID.class)
			.single();
		this.mvc.perform(post("/console/communities/{cid}/requests/{id}/approve", xingfuli, member)
			.session(staff.session()).with(csrf())).andExpect(flash().attribute("decided", true));
		this.mvc.perform(post("/console/communities/{cid}/requests/{id}/approve", xingfuli, member)
			.session(staff.session()).with(csrf())).andExpect(flash().attributeExists("fieldErrors"));
		this.mvc.perform(post("/console/communities/{cid}/requests/{id}/reject", xingfuli, ownership)
			.session(staff.session()).with(csrf()).param("reason", "请携带不动产权证到物业办理"))
			.andExpect(flash().attribute("decided", true));
		assertThat(members(household)).contains("新成员");

		this.mvc.perform(get("/app/household").session(resident.session()))
			.andExpect(content().string(containsString("已批准")))
			.andExpect(content().string(containsString("请携带不动产权证到物业办理")));
	}

	@Test
	void residentsKeepTheirOwnMobileNumberUpToDate() throws Exception {
		var resident = Pages.signIn(this.mvc, "resident");
		this.mvc.perform(post("/app/household/requests/phone").session(resident.session()).with(csrf())
			.param("phone", "12345")).andExpect(flash().attributeExists("requestErrors"));
		this.mvc.perform(post("/app/household/requests/phone").session(resident.session()).with(csrf())
			.param("phone", "+86 139-0000-1234")).andExpect(flash().attribute("phoneSaved", true));
		var stored = this.jdbc.sql("select phone_enc, phone_index from registry.person where id = "
				+ "(select person_id from identity.account where username = 'resident')")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		assertThat(stored[0]).isNotBlank().doesNotContain("13900001234");
		assertThat(stored[1]).isEqualTo(this.cipher.blindIndex("13900001234"));
	}

	@Test
	void revealingOnTheHouseholdFileIsForTheRolesThatMayAndAlwaysAudited() throws Exception {
		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		var person = this.jdbc.sql("""
				select p.id, h.room_id, p.id_number_enc from registry.person p join registry.household h
				    on h.id = p.household_id where p.id = (select person_id from identity.account where username = 'ownerrep')
				""").query((rs, n) -> new Object[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
						rs.getString(3) }).single();
		String full = this.cipher.decrypt((String) person[2]);
		var manager = Pages.signIn(this.mvc, "manager");
		String path = "/console/communities/{cid}/rooms/{rid}";
		this.mvc.perform(get(path, xingfuli, person[1]).session(manager.session()))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(full))));
		this.mvc.perform(get(path, xingfuli, person[1]).param("reveal", person[0].toString()).session(manager.session()))
			.andExpect(content().string(containsString(full)));
		this.mvc.perform(get(path, xingfuli, person[1]).param("reveal", person[0].toString())
			.session(Pages.signIn(this.mvc, "staff").session())).andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'REVEAL person' "
				+ "and object like :o and account in ('manager', 'staff')").param("o", "%reveal=" + person[0])
			.query(Long.class).single()).isEqualTo(2);
	}

	private java.util.List<String> members(UUID household) {
		return this.jdbc.sql("select name from registry.person where household_id = :h").param("h", household)
			.query(String.class).list();
	}

}
