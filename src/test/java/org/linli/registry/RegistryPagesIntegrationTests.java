package org.linli.registry;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff pages: compound, building grid, household file and search, masked by role and refused to residents. */
@LinliIntegrationTest
class RegistryPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.linli.shared.crypto.FieldCipher cipher;

	UUID xingfuli;

	UUID residentRoom;

	String residentName;

	@BeforeEach
	void setUp() {
		this.xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		this.residentRoom = this.jdbc.sql("""
				select h.room_id from registry.household h join registry.person p on p.household_id = h.id
				 where p.id = (select person_id from identity.account where username = 'resident')
				""").query(UUID.class).single();
		this.residentName = this.jdbc.sql("""
				select name from registry.person where id = (select person_id from identity.account
				 where username = 'resident')
				""").query(String.class).single();
	}

	@Test
	void staffWalkFromTheCompoundToAHouseholdFile() throws Exception {
		var manager = Pages.signIn(this.mvc, "manager");
		this.mvc.perform(get("/console/communities/{cid}", this.xingfuli).session(manager.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("14号楼")));
		UUID building = this.jdbc.sql("select building_id from registry.room where id = :r")
			.param("r", this.residentRoom).query(UUID.class).single();
		this.mvc.perform(get("/console/communities/{cid}/buildings/{bid}", this.xingfuli, building)
			.session(manager.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/rooms/" + this.residentRoom)));
		this.mvc.perform(get("/console/communities/{cid}/rooms/{rid}", this.xingfuli, this.residentRoom)
			.session(manager.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一户一档")))
			.andExpect(content().string(containsString(this.residentName)))
			.andExpect(content().string(containsString("业主")))
			.andExpect(content().string(containsString("/console/security/rooms/" + this.residentRoom + "/credentials")));
	}

	@Test
	void theCommitteeSeesNamesMasked() throws Exception {
		var committee = Pages.signIn(this.mvc, "committee");
		String masked = this.residentName.charAt(0) + "*".repeat(this.residentName.length() - 2)
				+ (this.residentName.length() > 2 ? this.residentName.substring(this.residentName.length() - 1) : "*");
		this.mvc.perform(get("/console/communities/{cid}/rooms/{rid}", this.xingfuli, this.residentRoom)
			.session(committee.session()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(masked)))
			.andExpect(content().string(not(containsString(">" + this.residentName + "<"))))
			.andExpect(content().string(not(containsString("room-credentials"))));
	}

	@Test
	void searchFindsRoomsByTheirUsualSpellingsAndPersonsByName() throws Exception {
		var staff = Pages.signIn(this.mvc, "staff");
		for (String spelling : new String[] { "1-1-101", "1号楼1单元101", "一号楼-1-101室" }) {
			this.mvc.perform(get("/console/communities/{cid}/search", this.xingfuli).param("q", spelling)
				.session(staff.session()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("/rooms/" + this.residentRoom)));
		}
		this.mvc.perform(get("/console/communities/{cid}/search", this.xingfuli).param("q", this.residentName)
			.session(staff.session()))
			.andExpect(content().string(containsString(this.residentName)));
	}

	@Test
	void theDataQualityReportCountsWhatIsMissingOrWrong() throws Exception {
		// a legacy record with a broken ID number, as it might come from an old system
		this.jdbc.sql("""
				insert into registry.person (id, community_id, name, relation, created_at, id_number_enc)
				values (gen_random_uuid(), :c, '旧数据', 'OTHER', now(), :enc)
				""").param("c", this.xingfuli).param("enc", this.cipher.encrypt("110105194912310021")).update();
		var manager = Pages.signIn(this.mvc, "manager");
		String page = this.mvc.perform(get("/console/communities/{cid}/quality", this.xingfuli).session(manager.session()))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		long notRegistered = this.jdbc.sql("select count(*) from registry.room where community_id = :c "
				+ "and area_source <> 'REGISTERED'").param("c", this.xingfuli).query(Long.class).single();
		org.assertj.core.api.Assertions.assertThat(notRegistered).isPositive();
		org.assertj.core.api.Assertions.assertThat(page)
			.containsPattern("data-check=\"quality.areaNotRegistered\">\\s*<td>[^<]*</td>\\s*<td><span[^>]*>"
					+ notRegistered + "<")
			.containsPattern("data-check=\"quality.invalidIdNumber\">\\s*<td>[^<]*</td>\\s*<td><span[^>]*>[1-9]");
	}

	@Test
	void staffRegisterAResidentAndRecordOwnershipFromTheHouseholdFile() throws Exception {
		UUID room = this.jdbc.sql("select id from registry.room where community_id = :c order by number desc, unit desc "
				+ "limit 1 offset 7").param("c", this.xingfuli).query(UUID.class).single();
		String path = "/console/communities/{cid}/rooms/{rid}";
		var staff = Pages.signIn(this.mvc, "staff");
		long before = this.jdbc.sql("select count(*) from registry.person").query(Long.class).single();
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post(path + "/residents", this.xingfuli, room).session(staff.session())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "表单住户").param("idNumber", "110105194912310021").param("relation", "TENANT"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attributeExists("fieldErrors"));
		org.assertj.core.api.Assertions.assertThat(this.jdbc.sql("select count(*) from registry.person")
			.query(Long.class).single()).isEqualTo(before);
		String idNumber = org.linli.support.IdNumbers.valid("110105", "19910203", 345);
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post(path + "/residents", this.xingfuli, room).session(staff.session())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("name", "表单住户").param("idNumber", idNumber).param("relation", "OWNER"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("saved", true));
		UUID person = this.jdbc.sql("select p.id from registry.person p join registry.household h on h.id = p.household_id "
				+ "where h.room_id = :r and p.name = '表单住户'").param("r", room).query(UUID.class).single();
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post(path + "/ownerships", this.xingfuli, room).session(staff.session())
			.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
			.param("ownerType", "PERSON").param("personIds", person.toString()).param("since", "2026-10-01"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("saved", true));
		org.assertj.core.api.Assertions.assertThat(this.jdbc.sql("select count(*) from registry.ownership "
				+ "where room_id = :r and person_id = :p and until is null").param("r", room).param("p", person)
			.query(Long.class).single()).isOne();
		this.mvc.perform(get(path, this.xingfuli, room).session(Pages.signIn(this.mvc, "committee").session()))
			.andExpect(content().string(not(containsString("id=\"add-resident\""))));
		this.mvc.perform(get(path, this.xingfuli, room).session(staff.session()))
			.andExpect(content().string(containsString("id=\"add-resident\"")));
	}

	@Test
	void residentsAndOtherCommunitiesGetNoRegistryPages() throws Exception {
		var resident = Pages.signIn(this.mvc, "resident");
		this.mvc.perform(get("/console/communities/{cid}/rooms/{rid}", this.xingfuli, this.residentRoom)
			.session(resident.session())).andExpect(status().isForbidden());
		var manager = Pages.signIn(this.mvc, "manager");
		this.mvc.perform(get("/console/communities/{cid}", UUID.randomUUID()).session(manager.session()))
			.andExpect(status().isForbidden());
	}

}
