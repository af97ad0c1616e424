package org.linli.registry;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IdNumbers;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The fixed registry endpoints of API.md: buildings, rooms, persons (masked), ownerships; bad input; scope. */
@LinliIntegrationTest
class RegistryApiIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	String xingfuli;

	String manager;

	@BeforeEach
	void setUp() throws Exception {
		this.xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.manager = Api.token(this.mvc, "manager");
	}

	@Test
	void buildingAliasesAreOneBuildingAndRoomsListInPages() throws Exception {
		// a compound of its own, so the demo compound keeps its figures for other tests
		String admin = Api.token(this.mvc, "admin");
		String cid = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", "rooms-" + UUID.randomUUID().toString().substring(0, 6), "name", "房屋小区"))))
			.andReturn()).get("id").asString();
		String building = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/buildings", cid), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", "十五栋"))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.name").value("15号楼"))
			.andReturn()).get("id").asString();
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/buildings", cid), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", "15号楼"))))
			.andExpect(status().isConflict());
		for (String number : List.of("101", "102", "201")) {
			this.mvc.perform(bearer(post("/api/v1/communities/{cid}/rooms", cid), admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(Api.json(Map.of("buildingId", building, "unit", "1单元", "floor", number.charAt(0) - '0',
						"number", number + "室", "exclusiveArea", "88.50", "areaSource", "REGISTERED"))))
				.andExpect(status().isCreated());
		}
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms", cid).param("page", "1").param("size", "2"),
				admin))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].number").value("201"))
			.andExpect(jsonPath("$.content[0].unit").value("1"))
			.andExpect(jsonPath("$.content[0].exclusiveArea").value(88.5))
			.andExpect(jsonPath("$.page.size").value(2))
			.andExpect(jsonPath("$.page.number").value(1))
			.andExpect(jsonPath("$.page.totalElements").value(3))
			.andExpect(jsonPath("$.page.totalPages").value(2));
	}

	@Test
	void aBadRoomGetsEveryFieldErrorAndNothingIsWritten() throws Exception {
		long before = rooms();
		this.mvc.perform(json(post("/api/v1/communities/{cid}/rooms", this.xingfuli), Map.of("buildingId",
				UUID.randomUUID().toString(), "unit", "", "floor", 999, "number", "101", "exclusiveArea", "-3",
				"areaSource", "GUESSED", "use", "CASTLE")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("buildingId", "unit", "floor",
					"exclusiveArea", "areaSource", "use")))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		assertThat(rooms()).isEqualTo(before);
	}

	@Test
	void invalidIdAndMobileNumbersAreFieldErrors() throws Exception {
		this.mvc.perform(json(post("/api/v1/communities/{cid}/persons", this.xingfuli),
				Map.of("name", "李四", "idNumber", "110105194912310021", "phone", "1380013800")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("idNumber", "phone")))
			.andExpect(jsonPath("$.errors[?(@.field == 'idNumber')].code").value(org.hamcrest.Matchers
				.contains("idNumber.checksum")));
	}

	@Test
	void personsAreEncryptedAtRestAndMaskedByRole() throws Exception {
		String idNumber = IdNumbers.valid("110105", "19800315", 417);
		String id = created(post("/api/v1/communities/{cid}/persons", this.xingfuli),
				Map.of("name", "张小三", "idNumber", idNumber.toLowerCase(), "phone", "13800138000")).get("id").asString();
		var stored = this.jdbc.sql("select id_number_enc, id_number_index, phone_enc from registry.person "
				+ "where id = :id::uuid").param("id", id).query((rs, n) -> List.of(rs.getString(1), rs.getString(2),
						rs.getString(3))).single();
		assertThat(stored.get(0)).doesNotContain(idNumber.substring(0, 10));
		assertThat(stored.get(1)).hasSize(64);
		assertThat(stored.get(2)).doesNotContain("13800138000");

		String path = "/api/v1/communities/{cid}/persons/{id}";
		this.mvc.perform(bearer(get(path, this.xingfuli, id), this.manager))
			.andExpect(jsonPath("$.name").value("张小三"))
			.andExpect(jsonPath("$.phone").value("13800138000"))
			.andExpect(jsonPath("$.idNumber").value(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
			.andExpect(jsonPath("$.birthDate").value("1980-03-15"));
		this.mvc.perform(bearer(get(path, this.xingfuli, id), Api.token(this.mvc, "committee")))
			.andExpect(jsonPath("$.name").value("张*三"))
			.andExpect(jsonPath("$.phone").value("138****8000"));
		this.mvc.perform(bearer(get(path, this.xingfuli, id).param("reveal", "true"), this.manager))
			.andExpect(jsonPath("$.idNumber").value(idNumber));
		this.mvc.perform(bearer(get(path, this.xingfuli, id).param("reveal", "true"), Api.token(this.mvc, "staff")))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'REVEAL person' and object "
				+ "like :o and ((account = 'manager' and result = 'SUCCESS') or (account = 'staff' and result = "
				+ "'REJECTED'))").param("o", "%" + id).query(Long.class).single()).isEqualTo(2);

		this.mvc.perform(json(post("/api/v1/communities/{cid}/persons", this.xingfuli),
				Map.of("name", "重复", "idNumber", idNumber)))
			.andExpect(status().isConflict());
	}

	@Test
	void aResidentReadsTheirOwnHouseholdAndNoOneElse() throws Exception {
		String resident = Api.token(this.mvc, "resident");
		var ids = this.jdbc.sql("""
				select p.id::text from registry.person p
				 where p.household_id = (select household_id from registry.person
				                          where id = (select person_id from identity.account where username = 'resident'))
				""").query(String.class).list();
		String neighbour = this.jdbc.sql("""
				select p.id::text from registry.person p
				 where p.community_id = :c::uuid and p.household_id is not null and p.household_id <>
				   (select household_id from registry.person
				     where id = (select person_id from identity.account where username = 'resident')) limit 1
				""").param("c", this.xingfuli).query(String.class).single();
		for (String member : ids) {
			this.mvc.perform(bearer(get("/api/v1/communities/{cid}/persons/{id}", this.xingfuli, member), resident))
				.andExpect(status().isOk());
		}
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/persons/{id}", this.xingfuli, neighbour), resident))
			.andExpect(status().isNotFound());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms", this.xingfuli), resident))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/persons", this.xingfuli), resident)
			.contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
	}

	@Test
	void staffOfAnotherCommunityAreRefused() throws Exception {
		String code = "other-" + UUID.randomUUID().toString().substring(0, 6);
		String admin = Api.token(this.mvc, "admin");
		String other = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("code", code, "name", "别的小区"))))
			.andReturn()).get("id").asString();
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/rooms", other), this.manager))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/buildings", other), this.manager)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", "1号楼"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void ownershipsRecordCoOwnersDevelopersAndHistory() throws Exception {
		String room = this.jdbc.sql("select id::text from registry.room where community_id = :c::uuid "
				+ "order by number desc limit 1").param("c", this.xingfuli).query(String.class).single();
		String a = created(post("/api/v1/communities/{cid}/persons", this.xingfuli),
				Map.of("name", "王甲", "idNumber", IdNumbers.valid("110105", "19700101", 11))).get("id").asString();
		String b = created(post("/api/v1/communities/{cid}/persons", this.xingfuli),
				Map.of("name", "王乙", "idNumber", IdNumbers.valid("110105", "19720202", 22))).get("id").asString();
		String path = "/api/v1/communities/{cid}/rooms/{rid}/ownerships";
		this.mvc.perform(json(post(path, this.xingfuli, room),
				Map.of("ownerType", "PERSON", "personIds", List.of(a, b), "since", "2026-01-01")))
			.andExpect(status().isCreated());
		this.mvc.perform(json(post(path, this.xingfuli, room),
				Map.of("ownerType", "PERSON", "personIds", List.of(UUID.randomUUID().toString()), "since",
						"2026-02-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("personIds"));
		this.mvc.perform(json(post(path, this.xingfuli, room), Map.of("ownerType", "DEVELOPER", "since", "2026-03-01")))
			.andExpect(status().isCreated());
		var history = this.jdbc.sql("select owner_type, until::text from registry.ownership where room_id = :r::uuid "
				+ "and since >= '2026-01-01' order by since, owner_type").param("r", room)
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).list();
		assertThat(history).containsExactly("PERSON/2026-02-28", "PERSON/2026-02-28", "DEVELOPER/null");
	}

	@Test
	void vehiclesAreValidatedRegisteredOncePerPlateAndMaskedByRole() throws Exception {
		String owner = this.jdbc.sql("select person_id::text from identity.account where username = 'resident'")
			.query(String.class).single();
		this.mvc.perform(json(post("/api/v1/communities/{cid}/vehicles", this.xingfuli),
				Map.of("plate", "京A 1234", "personId", owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("plate"));
		created(post("/api/v1/communities/{cid}/vehicles", this.xingfuli), Map.of("plate", "冀F·D12345", "personId", owner));
		created(post("/api/v1/communities/{cid}/vehicles", this.xingfuli), Map.of("plate", "冀f12345", "personId", owner));
		this.mvc.perform(json(post("/api/v1/communities/{cid}/vehicles", this.xingfuli),
				Map.of("plate", "冀F12345", "personId", owner)))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/vehicles", this.xingfuli), this.manager))
			.andExpect(jsonPath("$.content[*].plate").value(org.hamcrest.Matchers.hasItems("冀FD12345", "冀F12345")));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/vehicles", this.xingfuli),
				Api.token(this.mvc, "committee")))
			.andExpect(jsonPath("$.content[*].plate").value(org.hamcrest.Matchers.not(
					org.hamcrest.Matchers.hasItem("冀F12345"))));
		String room = this.jdbc.sql("select h.room_id::text from registry.person p join registry.household h "
				+ "on h.id = p.household_id where p.id = :p::uuid").param("p", owner).query(String.class).single();
		this.mvc.perform(get("/console/communities/{cid}/rooms/{rid}", this.xingfuli, room)
			.session(org.linli.support.Pages.signIn(this.mvc, "committee").session()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("冀F****45")));
		var resident = org.linli.support.Pages.signIn(this.mvc, "resident");
		this.mvc.perform(get("/app/household").session(resident.session()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("冀FD12345")));
	}

	@Test
	void theExportIsMaskedByRoleSafeFromFormulasAndAudited() throws Exception {
		this.jdbc.sql("""
				insert into registry.person (id, community_id, name, relation, created_at)
				values (gen_random_uuid(), :c::uuid, '=HYPERLINK("http://x")', 'OTHER', now())
				""").param("c", this.xingfuli).update();
		String committee = Api.token(this.mvc, "committee");
		byte[] xlsx = this.mvc.perform(bearer(get("/api/v1/communities/{cid}/persons/export.xlsx", this.xingfuli),
				committee))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
			var sheet = workbook.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("身份证号");
			var first = sheet.getRow(1);
			assertThat(first.getCell(4).getStringCellValue()).matches("\\d{6}\\*{8}\\d{3}[\\dX]");
			assertThat(first.getCell(5).getStringCellValue()).matches("1\\d{2}\\*{4}\\d{4}");
			assertThat(first.getCell(3).getStringCellValue()).contains("*");
			boolean formulaSafe = false;
			for (var row : sheet) {
				var name = row.getCell(3);
				assertThat(name.getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
				if (name.getStringCellValue().startsWith("=")) {
					formulaSafe = name.getCellStyle().getQuotePrefixed();
				}
			}
			assertThat(formulaSafe).isTrue();
		}
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'EXPORT persons' "
				+ "and account = 'committee'").query(Long.class).single()).isPositive();
	}

	@Test
	void movesKeepTheResidenceHistoryAndTagEditsAreGuardedAgainstLostUpdates() throws Exception {
		String person = created(post("/api/v1/communities/{cid}/persons", this.xingfuli),
				Map.of("name", "孙迁", "idNumber", IdNumbers.valid("110105", "19580808", 77))).get("id").asString();
		var rooms = this.jdbc.sql("select id::text from registry.room where community_id = :c::uuid order by number "
				+ "limit 2").param("c", this.xingfuli).query(String.class).list();
		String base = "/api/v1/communities/{cid}/persons/{id}";
		this.mvc.perform(json(post(base + "/move-in", this.xingfuli, person),
				Map.of("roomId", rooms.get(0), "relation", "TENANT", "since", "2025-01-01")))
			.andExpect(status().isOk());
		this.mvc.perform(json(post(base + "/move-in", this.xingfuli, person),
				Map.of("roomId", rooms.get(1), "relation", "FAMILY", "since", "2026-03-01")))
			.andExpect(status().isOk());
		this.mvc.perform(json(post(base + "/move-in", this.xingfuli, person), Map.of("roomId", "nope", "relation", "KING")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("roomId", "relation", "since")));
		this.mvc.perform(json(post(base + "/move-out", this.xingfuli, person), Map.of("until", "2026-11-01")))
			.andExpect(status().isOk());
		var stays = this.jdbc.sql("select relation || ':' || since || ':' || coalesce(until::text, '') "
				+ "from registry.residence where person_id = :p::uuid order by since").param("p", person)
			.query(String.class).list();
		assertThat(stays).containsExactly("TENANT:2025-01-01:2026-02-28", "FAMILY:2026-03-01:2026-11-01");
		assertThat(this.jdbc.sql("select household_id is null from registry.person where id = :p::uuid")
			.param("p", person).query(Boolean.class).single()).isTrue();

		int version = Api.body(this.mvc.perform(bearer(get(base + "/version", this.xingfuli, person), this.manager))
			.andReturn()).get("version").asInt();
		this.mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base + "/tags",
				this.xingfuli, person), Map.of("tags", List.of("ELDERLY_ALONE", "NEEDS_CARE"), "version", version)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(version + 1));
		// a colleague still holding the old version does not overwrite the change
		this.mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base + "/tags",
				this.xingfuli, person), Map.of("tags", List.of(), "version", version)))
			.andExpect(status().isConflict());
		this.mvc.perform(json(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(base + "/tags",
				this.xingfuli, person), Map.of("tags", List.of("VIP"), "version", version + 1)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(bearer(get(base, this.xingfuli, person), this.manager))
			.andExpect(jsonPath("$.tags").value(containsInAnyOrder("ELDERLY_ALONE", "NEEDS_CARE")));
	}

	@Test
	void personsAreListedInPagesFilteredExactlyAndMaskedByRole() throws Exception {
		String phone = "13766668888";
		for (String name : List.of("欧阳列表", "欧阳列表二")) {
			created(post("/api/v1/communities/{cid}/persons", this.xingfuli), Map.of("name", name, "idNumber",
					IdNumbers.valid("110105", "19880808", name.length() * 100 + 1), "phone", phone));
		}
		String list = "/api/v1/communities/{cid}/persons";
		this.mvc.perform(bearer(get(list, this.xingfuli).param("phone", "137-6666-8888"), this.manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page.totalElements").value(2))
			.andExpect(jsonPath("$.content[*].phone").value(org.hamcrest.Matchers.everyItem(
					org.hamcrest.Matchers.is(phone))));
		this.mvc.perform(bearer(get(list, this.xingfuli).param("name", "欧阳列").param("size", "1"),
				Api.token(this.mvc, "committee")))
			.andExpect(jsonPath("$.page.totalElements").value(2))
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.content[0].name").value(org.hamcrest.Matchers.startsWith("欧*")))
			.andExpect(jsonPath("$.content[0].phone").value("137****8888"));
		this.mvc.perform(bearer(get(list, this.xingfuli).param("name", "%"), this.manager))
			.andExpect(jsonPath("$.page.totalElements").value(0));
		this.mvc.perform(bearer(get(list, this.xingfuli), Api.token(this.mvc, "resident")))
			.andExpect(status().isForbidden());
	}

	@Test
	void personsWithoutAResidentIdCardRegisterWithTheirOwnDocument() throws Exception {
		String path = "/api/v1/communities/{cid}/persons";
		Map<String, Object> hk = new java.util.HashMap<>(Map.of("name", "陈港生", "idType", "HK_MACAO_PERMIT",
				"idNumber", "h8765 4321", "phone", "13812121212"));
		this.mvc.perform(json(post(path, this.xingfuli), hk))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("birthDate"));
		hk.put("birthDate", "1985-05-05");
		String id = created(post(path, this.xingfuli), hk).get("id").asString();
		this.mvc.perform(bearer(get(path + "/{id}", this.xingfuli, id), this.manager))
			.andExpect(jsonPath("$.idType").value("HK_MACAO_PERMIT"))
			.andExpect(jsonPath("$.birthDate").value("1985-05-05"))
			.andExpect(jsonPath("$.idNumber").value("H*******1"));
		this.mvc.perform(json(post(path, this.xingfuli), hk)).andExpect(status().isConflict());
		this.mvc.perform(json(post(path, this.xingfuli), Map.of("name", "甲", "idType", "TAIWAN_PERMIT",
				"idNumber", "87654321", "birthDate", "1990-01-01"))).andExpect(status().isCreated());
		this.mvc.perform(json(post(path, this.xingfuli), Map.of("name", "乙", "idType", "SEAMAN_BOOK",
				"idNumber", "1")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("idType"));
	}

	private long rooms() {
		return this.jdbc.sql("select count(*) from registry.room").query(Long.class).single();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body) {
		return bearer(request, this.manager).contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
	}

	private tools.jackson.databind.JsonNode created(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, Object body)
			throws Exception {
		return Api.body(this.mvc.perform(json(request, body)).andExpect(status().isCreated()).andReturn());
	}

}
