package org.linli.registry;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.Role;
import org.linli.shared.crypto.FieldCipher;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff forms of the household file and the person pages: move-out, tags with optimistic locking, vehicles,
 * merging duplicates, regions and the paged person list; each with its refusals.
 */
@LinliIntegrationTest
class RegistryFormsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	FieldCipher cipher;

	TestCompound compound;

	String roomPath;

	@BeforeEach
	void setUp() {
		this.compound = TestCompound.create(this.registry, this.jdbc);
		this.roomPath = "/console/communities/" + this.compound.id() + "/rooms/" + this.compound.room101();
	}

	@Test
	void staffMoveAResidentOutAndTheHistoryStays() throws Exception {
		// the family member's stay, as a move-in records it
		this.mvc.perform(org.linli.support.Api.bearer(post("/api/v1/communities/{cid}/persons/{id}/move-in",
				this.compound.id(), this.compound.family()), org.linli.support.Api.token(this.mvc, "admin"))
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.content(org.linli.support.Api.json(java.util.Map.of("roomId", this.compound.room101().toString(),
					"relation", "FAMILY", "since", "2020-01-01"))))
			.andExpect(status().isOk());
		send(post(this.roomPath + "/residents/{pid}/move-out", this.compound.family()), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasEntry("until", "请填写迁出日期。")));
		send(post(this.roomPath + "/residents/{pid}/move-out", this.compound.tenant()).param("until", "2026-03-01"),
				Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasEntry("personId", "此人不住在这间房屋。")));
		assertThat(householdOf(this.compound.tenant())).isNotNull();

		send(post(this.roomPath + "/residents/{pid}/move-out", this.compound.family()).param("until", "2026-03-01"),
				Role.PROPERTY_STAFF)
			.andExpect(redirectedUrl(this.roomPath))
			.andExpect(flash().attribute("saved", true));
		assertThat(householdOf(this.compound.family())).isNull();
		assertThat(this.jdbc.sql("select until::text from registry.residence where person_id = :p")
			.param("p", this.compound.family()).query(String.class).list()).contains("2026-03-01");
		this.mvc.perform(get(this.roomPath).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(not(containsString("李测二"))));
		// the committee reads the file but has no move-out form
		this.mvc.perform(get(this.roomPath).with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("/move-out"))));
	}

	@Test
	void aPlannedCompoundsLastResidentMovingOutEndsTheRoomsBillableStay() throws Exception {
		// the plan's tenant was never moved in through a form: the plan gave him an open stay all the same
		String room102 = "/console/communities/" + this.compound.id() + "/rooms/" + this.compound.room102();
		send(post(room102 + "/residents/{pid}/move-out", this.compound.tenant()).param("until", "2026-03-10"),
				Role.PROPERTY_STAFF)
			.andExpect(redirectedUrl(room102));
		assertThat(this.registry.billableRooms(this.compound.id())
			.stream()
			.filter(room -> room.roomId().equals(this.compound.room102()))
			.map(room -> String.valueOf(room.occupiedUntil()))).containsExactly("2026-03-10");
		assertThat(this.registry.billableRooms(this.compound.id())
			.stream()
			.filter(room -> room.roomId().equals(this.compound.room101()))
			.map(room -> String.valueOf(room.occupiedUntil()))).containsExactly("null");
	}

	@Test
	void tagsAreSavedAndAStaleFormIsRefusedWithAClearMessage() throws Exception {
		String personPath = "/console/communities/" + this.compound.id() + "/persons/" + this.compound.owner();
		String page = this.mvc.perform(get(personPath).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		var version = java.util.regex.Pattern.compile("name=\"version\" value=\"(\\d+)\"").matcher(page);
		assertThat(version.find()).isTrue();
		String read = version.group(1);

		send(post(personPath + "/tags").param("tags", "ELDERLY_ALONE", "NEEDS_CARE").param("version", read),
				Role.PROPERTY_STAFF)
			.andExpect(redirectedUrl(personPath))
			.andExpect(flash().attribute("saved", true));
		assertThat(this.jdbc.sql("select array_to_string(tags, ',') from registry.person where id = :p")
			.param("p", this.compound.owner()).query(String.class).single()).isEqualTo("ELDERLY_ALONE,NEEDS_CARE");

		// a colleague's form, read before that change, must not overwrite it
		send(post(personPath + "/tags").param("tags", "CHILD").param("version", read), Role.PROPERTY_MANAGER)
			.andExpect(flash().attribute("fieldErrors", hasEntry("form", "该人员信息已被他人修改，请刷新后重试。")));
		assertThat(this.jdbc.sql("select array_to_string(tags, ',') from registry.person where id = :p")
			.param("p", this.compound.owner()).query(String.class).single()).isEqualTo("ELDERLY_ALONE,NEEDS_CARE");
		send(post(personPath + "/tags").param("tags", "ROCKET").param("version", read), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasEntry("tags", "人员标签不正确。")));
		this.mvc.perform(get(personPath).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("独居老人")));
	}

	@Test
	void staffRegisterAndRemoveAHouseholdsVehicle() throws Exception {
		send(post(this.roomPath + "/vehicles").param("plate", "ABC").param("personId",
				this.compound.owner().toString()), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasEntry("plate", "车牌号格式不正确。")));
		send(post(this.roomPath + "/vehicles").param("plate", "京A12345").param("personId",
				this.compound.tenant().toString()), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasKey("personId")));
		send(post(this.roomPath + "/vehicles").param("plate", " 京a12345 ").param("personId",
				this.compound.owner().toString()), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("saved", true));
		var stored = this.jdbc.sql("select id, person_id, room_id from registry.vehicle where community_id = :c "
				+ "and plate = '京A12345'").param("c", this.compound.id())
			.query((rs, n) -> new UUID[] { rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getObject(3, UUID.class) })
			.single();
		assertThat(stored[1]).isEqualTo(this.compound.owner());
		assertThat(stored[2]).isEqualTo(this.compound.room101());
		this.mvc.perform(get(this.roomPath).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("京A12345")));
		this.mvc.perform(get(this.roomPath).with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(content().string(not(containsString("京A12345"))))
			.andExpect(content().string(containsString("京A***45")));
		send(post(this.roomPath + "/vehicles").param("plate", "京A12345").param("personId",
				this.compound.family().toString()), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasEntry("form", "该车牌已在本小区登记。")));

		// a vehicle is removed only through the household it belongs to
		String otherRoom = "/console/communities/" + this.compound.id() + "/rooms/" + this.compound.room102();
		send(post(otherRoom + "/vehicles/{vid}/remove", stored[0]), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasEntry("form", "本户没有这辆车。")));
		send(post(this.roomPath + "/vehicles/{vid}/remove", stored[0]), Role.COMMITTEE_MEMBER)
			.andExpect(status().isForbidden());
		send(post(this.roomPath + "/vehicles/{vid}/remove", stored[0]), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("saved", true));
		assertThat(this.jdbc.sql("select count(*) from registry.vehicle where id = :v").param("v", stored[0])
			.query(Long.class).single()).isZero();
	}

	@Test
	void aDuplicateFoundByTheQualityReportIsComparedMaskedAndMergedOnConfirmation() throws Exception {
		UUID legacy = UUID.randomUUID();
		this.jdbc.sql("""
				insert into registry.person (id, community_id, name, birth_date, relation, created_at, tags)
				values (:id, :c, '张测一', date '1950-01-01', 'OTHER', now(), '{DISABLED}')
				""").param("id", legacy).param("c", this.compound.id()).update();
		String quality = this.mvc.perform(get("/console/communities/{cid}/quality", this.compound.id())
			.with(this.compound.as(Role.PROPERTY_MANAGER)))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		// PostgreSQL orders uuids byte by byte, as their text sorts
		UUID first = this.compound.owner().toString().compareTo(legacy.toString()) < 0 ? this.compound.owner() : legacy;
		UUID second = first.equals(legacy) ? this.compound.owner() : legacy;
		assertThat(quality).contains("merges?first=" + first + "&amp;second=" + second);

		String comparePath = "/console/communities/" + this.compound.id() + "/merges";
		this.mvc.perform(get(comparePath).param("first", first.toString()).param("second", second.toString())
			.with(this.compound.as(Role.PROPERTY_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(TestCompound.OWNER_ID.substring(0, 6) + "********")))
			.andExpect(content().string(not(containsString(TestCompound.OWNER_ID))));
		this.mvc.perform(get(comparePath).param("first", first.toString()).param("second", second.toString())
			.with(this.compound.as(Role.COMMITTEE_MEMBER))).andExpect(status().isForbidden());

		send(post(comparePath).param("first", first.toString()).param("second", second.toString()),
				Role.PROPERTY_MANAGER)
			.andExpect(flash().attribute("fieldErrors", hasEntry("keep", "请选择要保留的记录。")));
		assertThat(mergedInto(legacy)).isNull();
		send(post(comparePath).param("first", first.toString()).param("second", second.toString())
			.param("keep", this.compound.owner().toString()), Role.PROPERTY_MANAGER)
			.andExpect(redirectedUrl("/console/communities/" + this.compound.id() + "/persons/" + this.compound.owner()))
			.andExpect(flash().attribute("merged", true));
		assertThat(mergedInto(legacy)).isEqualTo(this.compound.owner());
		// merging again is refused with the domain's reason, shown on the comparison page
		send(post(comparePath).param("first", first.toString()).param("second", second.toString())
			.param("keep", this.compound.owner().toString()), Role.PROPERTY_MANAGER)
			.andExpect(flash().attribute("fieldErrors", hasEntry("personId", "该人员已被合并到其他记录。")));
	}

	@Test
	void thePlatformAdminKeepsRegionsAndPlacesCompoundsUnderAStreet() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		send(post("/console/regions").param("level", "PLANET").param("name", ""), Role.PLATFORM_ADMIN)
			.andExpect(redirectedUrl("/console/regions"))
			.andExpect(flash().attribute("fieldErrors", org.hamcrest.Matchers.allOf(hasKey("level"), hasKey("name"))));
		UUID parent = null;
		for (String level : new String[] { "PROVINCE", "CITY", "DISTRICT", "STREET" }) {
			var request = post("/console/regions").param("level", level).param("name", level + suffix);
			if (parent != null) {
				request.param("parentId", parent.toString());
			}
			send(request, Role.PLATFORM_ADMIN).andExpect(flash().attribute("saved", true));
			parent = this.jdbc.sql("select id from registry.region where name = :n").param("n", level + suffix)
				.query(UUID.class).single();
		}
		send(post("/console/regions/placements").param("communityId", this.compound.id().toString())
			.param("regionId", parent.toString()), Role.PLATFORM_ADMIN).andExpect(flash().attribute("saved", true));
		assertThat(this.jdbc.sql("select region_id from registry.community where id = :c")
			.param("c", this.compound.id()).query(UUID.class).single()).isEqualTo(parent);
		this.mvc.perform(get("/console/regions").with(this.compound.as(Role.PLATFORM_ADMIN)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("STREET" + suffix)));

		for (Role role : new Role[] { Role.PROPERTY_MANAGER, Role.STREET_OFFICER, Role.RESIDENT }) {
			this.mvc.perform(get("/console/regions").with(this.compound.as(role))).andExpect(status().isForbidden());
			send(post("/console/regions").param("level", "PROVINCE").param("name", "越权" + suffix), role)
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void thePersonListSearchesByNameAndExactlyByMobileOrIdNumberAndPages() throws Exception {
		String path = "/console/communities/" + this.compound.id() + "/persons";
		this.mvc.perform(get(path).param("name", "张测").with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张测一")))
			.andExpect(content().string(not(containsString("王测三"))));
		this.mvc.perform(get(path).param("phone", "139 0000 0003").with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("王测三")))
			.andExpect(content().string(not(containsString("张测一"))));
		// by document number only as a POST (the number stays out of addresses and logs), audited
		String audited = "select count(*) from audit.audit_event where action = 'SEARCH person by document'";
		long before = this.jdbc.sql(audited).query(Long.class).single();
		send(post(path + "/by-document").param("idNumber", TestCompound.OWNER_ID), Role.PROPERTY_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张测一")))
			.andExpect(content().string(not(containsString(TestCompound.OWNER_ID))))
			.andExpect(content().string(not(containsString("李测二"))))
			.andExpect(content().string(not(containsString("id=\"page-next\""))));
		assertThat(this.jdbc.sql(audited).query(Long.class).single()).isEqualTo(before + 1);
		this.mvc.perform(post(path + "/by-document").param("idNumber", TestCompound.OWNER_ID)
			.with(this.compound.as(Role.PROPERTY_STAFF))).andExpect(status().isForbidden());
		this.mvc.perform(get(path).param("idNumber", TestCompound.OWNER_ID).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("李测二")));
		send(post(path + "/by-document").param("idNumber", TestCompound.OWNER_ID), Role.RESIDENT)
			.andExpect(status().isForbidden());
		// a mobile number is exact: a prefix finds nobody
		this.mvc.perform(get(path).param("phone", "1390000").with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(not(containsString("张测一"))));
		this.mvc.perform(get(path).param("size", "2").with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("id=\"page-next\"")))
			.andExpect(content().string(containsString("第 1 页，共 2 页")));
		this.mvc.perform(get(path).param("size", "2").param("page", "1").with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("id=\"page-previous\"")))
			.andExpect(content().string(not(containsString("id=\"page-next\""))));
		this.mvc.perform(get(path).param("name", "张测").with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(content().string(containsString("张*一")))
			.andExpect(content().string(containsString("139****0001")))
			.andExpect(content().string(not(containsString("张测一"))));
	}

	@Test
	void residentsAndStaffOfAnotherCommunityReachNoneOfThesePages() throws Exception {
		UUID cid = this.compound.id();
		String[] pages = { "/console/communities/" + cid + "/persons",
				"/console/communities/" + cid + "/persons/" + this.compound.owner(),
				"/console/communities/" + cid + "/merges?first=" + this.compound.owner() + "&second="
						+ this.compound.family(),
				this.roomPath, this.roomPath + "/print", "/console/communities/" + cid + "/quality" };
		var otherStaff = Pages.signIn(this.mvc, "staff");
		var resident = Pages.signIn(this.mvc, "resident");
		for (String page : pages) {
			this.mvc.perform(get(page).session(otherStaff.session())).andExpect(status().isForbidden());
			this.mvc.perform(get(page).session(resident.session())).andExpect(status().isForbidden());
			this.mvc.perform(get(page).with(this.compound.as(Role.RESIDENT))).andExpect(status().isForbidden());
		}
		String[] forms = { this.roomPath + "/vehicles", this.roomPath + "/residents/" + this.compound.family()
				+ "/move-out", "/console/communities/" + cid + "/persons/" + this.compound.owner() + "/tags",
				"/console/communities/" + cid + "/merges" };
		for (String form : forms) {
			this.mvc.perform(post(form).session(otherStaff.session()).with(csrf()).param("plate", "京A54321")
				.param("until", "2026-01-01").param("version", "0").param("first", this.compound.owner().toString())
				.param("second", this.compound.family().toString())).andExpect(status().isForbidden());
			this.mvc.perform(post(form).session(resident.session()).with(csrf()).param("plate", "京A54321")
				.param("until", "2026-01-01").param("version", "0").param("first", this.compound.owner().toString())
				.param("second", this.compound.family().toString())).andExpect(status().isForbidden());
		}
		// the resident's own compound is no different
		var demo = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class).single();
		this.mvc.perform(get("/console/communities/{cid}/persons", demo).session(resident.session()))
			.andExpect(status().isForbidden());
		// CSRF stays on: a form posted without its token is refused
		this.mvc.perform(post(this.roomPath + "/vehicles").with(this.compound.as(Role.PROPERTY_STAFF))
			.param("plate", "京A54321").param("personId", this.compound.owner().toString()))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from registry.vehicle where community_id = :c")
			.param("c", cid).query(Long.class).single()).isZero();
		assertThat(householdOf(this.compound.family())).isNotNull();
	}

	private ResultActions send(MockHttpServletRequestBuilder request, Role role) throws Exception {
		return this.mvc.perform(request.with(this.compound.as(role)).with(csrf()));
	}

	private UUID householdOf(UUID person) {
		return this.jdbc.sql("select household_id from registry.person where id = :p").param("p", person)
			.query(UUID.class).list().getFirst();
	}

	private UUID mergedInto(UUID person) {
		return this.jdbc.sql("select merged_into from registry.person where id = :p").param("p", person)
			.query(UUID.class).list().getFirst();
	}

}
