package org.linli.registry;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.Role;
import org.linli.support.Api;
import org.linli.support.IdNumbers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Rooms and vehicles as .xlsx and the printed household file: masked per role as the pages are, every cell plain
 * text (a name like "=1+1" is never a formula), every export and print audited.
 */
@LinliIntegrationTest
class RegistryExportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	TestCompound compound;

	String exports;

	@BeforeEach
	void setUp() throws Exception {
		this.compound = TestCompound.create(this.registry, this.jdbc);
		this.exports = "/console/communities/" + this.compound.id() + "/exports";
		// someone entered a name a spreadsheet would run: the owner of room 102 and of a vehicle
		String admin = Api.token(this.mvc, "admin");
		String api = "/api/v1/communities/" + this.compound.id();
		String formula = Api.body(this.mvc.perform(bearer(post(api + "/persons"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("name", "=1+1", "idNumber", IdNumbers.valid("110105", "19800101", 104),
					"phone", "13900000004"))))
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
		this.mvc.perform(bearer(post(api + "/rooms/{rid}/ownerships", this.compound.room102()), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("ownerType", "PERSON", "personIds", List.of(formula), "since", "2024-01-01"))))
			.andExpect(status().isCreated());
		this.mvc.perform(bearer(post(api + "/vehicles"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("plate", "京A12345", "personId", this.compound.owner().toString(), "roomId",
					this.compound.room101().toString()))))
			.andExpect(status().isCreated());
		this.mvc.perform(bearer(post(api + "/vehicles"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("plate", "沪AD12345", "personId", formula))))
			.andExpect(status().isCreated());
	}

	@Test
	void roomsAreExportedWithOwnersMaskedPerRoleAndNoCellRuns() throws Exception {
		List<List<Cell>> staff = sheet(download("/rooms.xlsx", Role.PROPERTY_STAFF));
		assertThat(texts(staff.getFirst())).startsWith("楼栋", "单元", "楼层", "房号");
		List<String> room101 = texts(row(staff, "101"));
		assertThat(room101).containsSequence("1号楼", "1", "1", "101", "88.50", "登记面积", "住宅", "张测一",
				TestCompound.OWNER_PHONE, "2");
		Cell owner102 = row(staff, "102").get(7);
		assertThat(owner102.getCellType()).isEqualTo(CellType.STRING);
		assertThat(owner102.getStringCellValue()).isEqualTo("=1+1");
		assertThat(owner102.getCellStyle().getQuotePrefixed()).isTrue();
		assertThat(staff).allSatisfy(r -> assertThat(r).allSatisfy(c -> assertThat(c.getCellType())
			.isEqualTo(CellType.STRING)));

		// the street officer sees names but not mobiles, the committee neither
		assertThat(texts(row(sheet(download("/rooms.xlsx", Role.STREET_OFFICER)), "101")))
			.contains("张测一", "139****0001").doesNotContain(TestCompound.OWNER_PHONE);
		List<String> committee = texts(row(sheet(download("/rooms.xlsx", Role.COMMITTEE_MEMBER)), "101"));
		assertThat(committee).contains("张*一", "139****0001").doesNotContain("张测一", TestCompound.OWNER_PHONE);
		assertThat(audited("EXPORT rooms", "property_staff-")).isOne();
	}

	@Test
	void vehiclesAreExportedWithPlatesMaskedPerRoleAndNoCellRuns() throws Exception {
		List<List<Cell>> staff = sheet(download("/vehicles.xlsx", Role.PROPERTY_STAFF));
		assertThat(texts(staff.getFirst())).containsExactly("车牌号", "新能源", "车主", "车主手机号", "房屋");
		assertThat(texts(row(staff, "京A12345"))).containsExactly("京A12345", "否", "张测一", TestCompound.OWNER_PHONE,
				"1号楼 1-101");
		Cell formulaOwner = row(staff, "沪AD12345").get(2);
		assertThat(formulaOwner.getStringCellValue()).isEqualTo("=1+1");
		assertThat(formulaOwner.getCellStyle().getQuotePrefixed()).isTrue();

		List<List<Cell>> committee = sheet(download("/vehicles.xlsx", Role.COMMITTEE_MEMBER));
		List<String> all = committee.stream().flatMap(r -> texts(r).stream()).toList();
		assertThat(all).contains("京A***45", "张*一", "139****0001").doesNotContain("京A12345", "张测一");
		assertThat(audited("EXPORT vehicles", "committee_member-")).isOne();
	}

	@Test
	void theHouseholdFilePrintsWithoutMenuAndMaskedPerRole() throws Exception {
		String print = "/console/communities/" + this.compound.id() + "/rooms/" + this.compound.room101() + "/print";
		this.mvc.perform(get(print).with(this.compound.as(Role.PROPERTY_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张测一")))
			.andExpect(content().string(containsString("京A12345")))
			.andExpect(content().string(containsString(TestCompound.OWNER_ID.substring(0, 6) + "********")))
			.andExpect(content().string(not(containsString(TestCompound.OWNER_ID))))
			.andExpect(content().string(not(containsString("class=\"sidenav\""))))
			.andExpect(content().string(not(containsString("<form"))));
		this.mvc.perform(get(print).with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张*一")))
			.andExpect(content().string(containsString("京A***45")))
			.andExpect(content().string(not(containsString("张测一"))));
		assertThat(audited("PRINT household file", "property_manager-")).isOne();
	}

	@Test
	void residentsAndStaffOfAnotherCommunityGetNoExport() throws Exception {
		var otherStaff = Pages.signIn(this.mvc, "staff");
		var resident = Pages.signIn(this.mvc, "resident");
		for (String file : new String[] { "/rooms.xlsx", "/vehicles.xlsx" }) {
			this.mvc.perform(get(this.exports + file).session(otherStaff.session())).andExpect(status().isForbidden());
			this.mvc.perform(get(this.exports + file).session(resident.session())).andExpect(status().isForbidden());
			this.mvc.perform(get(this.exports + file).with(this.compound.as(Role.RESIDENT)))
				.andExpect(status().isForbidden());
		}
		this.mvc.perform(get(this.exports + "/rooms.xlsx").with(TestCompound.as(Role.PROPERTY_STAFF, UUID.randomUUID())))
			.andExpect(status().isForbidden());
	}

	private byte[] download(String file, Role role) throws Exception {
		return this.mvc.perform(get(this.exports + file).with(this.compound.as(role)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
	}

	private static List<List<Cell>> sheet(byte[] xlsx) throws Exception {
		// read into memory whole; the cells stay readable without the file
		XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
		List<List<Cell>> rows = new ArrayList<>();
		for (Row row : workbook.getSheetAt(0)) {
			List<Cell> cells = new ArrayList<>();
			row.forEach(cells::add);
			rows.add(cells);
		}
		return rows;
	}

	/** The row whose cells include the given text. */
	private static List<Cell> row(List<List<Cell>> rows, String text) {
		return rows.stream().filter(r -> texts(r).contains(text)).findFirst().orElseThrow();
	}

	private static List<String> texts(List<Cell> row) {
		return row.stream().map(Cell::getStringCellValue).toList();
	}

	private long audited(String action, String accountPrefix) {
		return this.jdbc.sql("select count(*) from audit.audit_event where action = :a and account like :p "
				+ "and object like :o").param("a", action).param("p", accountPrefix + "%")
			.param("o", "%" + this.compound.id() + "%").query(Long.class).single();
	}

}
