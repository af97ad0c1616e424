package org.linli.registry;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IdNumbers;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The person import of API.md: dry run, all-or-nothing real run, GBK CSV, aliases, row-by-row errors. */
@LinliIntegrationTest
class PersonImportIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	UUID xingfuli;

	String manager;

	@BeforeEach
	void setUp() throws Exception {
		this.xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		this.manager = Api.token(this.mvc, "manager");
	}

	@Test
	void aGbkCsvWithAliasesIsReportedThenWrittenWhole() throws Exception {
		String owner = IdNumbers.valid("110105", "19660606", 301);
		String child = IdNumbers.valid("110105", "20100101", 402);
		String csv = "楼栋,单元,房号,姓名,身份证号,手机号,与房屋关系\r\n"
				+ "五号楼,1单元,102室,赵大伟,%s,13911112222,业主\r\n".formatted(owner.toLowerCase())
				+ "5栋,1,103,赵大伟,%s,13911112222,业主\r\n".formatted(owner)
				+ "5号楼,１,102,赵小明,%s,,家庭成员\r\n".formatted(child);
		long before = persons();
		upload("persons.csv", csv.getBytes(Charset.forName("GBK")), true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(3))
			.andExpect(jsonPath("$.valid").value(3))
			.andExpect(jsonPath("$.invalid").value(0))
			.andExpect(jsonPath("$.written").value(0));
		assertThat(persons()).isEqualTo(before);

		upload("persons.csv", csv.getBytes(Charset.forName("GBK")), false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(2));
		assertThat(persons()).isEqualTo(before + 2);
		assertThat(this.jdbc.sql("""
				select count(*) from registry.ownership o join registry.person p on p.id = o.person_id
				 where p.name = '赵大伟' and o.until is null
				""").query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void oneBadRowStopsTheRealRunAndEveryErrorIsReportedByRowInTheCallersLanguage() throws Exception {
		String good = IdNumbers.valid("110105", "19750505", 511);
		String csv = "building,unit,room,name,idNumber,phone,relation\n"
				+ "5号楼,1,201,钱一,%s,13922223333,OWNER\n".formatted(good)
				+ "5号楼,1,201,钱二,110105197505050000,1392222,TENANT\n"
				+ "99号楼,1,101,孙三,%s,,FAMILY\n".formatted(IdNumbers.valid("110105", "19800101", 12))
				+ "5号楼,1,202,李四,%s,,BOSS\n".formatted(IdNumbers.valid("110105", "19800101", 22))
				+ "5号楼,1,203,钱一改,%s,,FAMILY\n".formatted(good);
		long before = persons();
		upload("persons.csv", csv.getBytes(StandardCharsets.UTF_8), false, "en")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.total").value(5))
			.andExpect(jsonPath("$.invalid").value(4))
			.andExpect(jsonPath("$.written").value(0))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'idNumber')].code").value(
					org.hamcrest.Matchers.contains("idNumber.checksum")))
			.andExpect(jsonPath("$.errors[?(@.row == 3 && @.field == 'phone')]").exists())
			.andExpect(jsonPath("$.errors[?(@.row == 4)].field").value(org.hamcrest.Matchers.contains("building")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].field").value(org.hamcrest.Matchers.contains("relation")))
			.andExpect(jsonPath("$.errors[?(@.row == 6)].code").value(org.hamcrest.Matchers
				.contains("import.idNumber.nameConflict")))
			.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.not(
					org.hamcrest.Matchers.containsString("身份证"))));
		assertThat(persons()).isEqualTo(before);
	}

	@Test
	void anXlsxWithNumericIdCellsAndAFormulaIsJudgedCellByCell() throws Exception {
		byte[] xlsx;
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			var sheet = workbook.createSheet();
			String[] header = { "楼栋", "单元", "房号", "姓名", "身份证号", "手机号", "与房屋关系" };
			var row = sheet.createRow(0);
			for (int i = 0; i < header.length; i++) {
				row.createCell(i).setCellValue(header[i]);
			}
			var good = sheet.createRow(1);
			good.createCell(0).setCellValue("5号楼");
			good.createCell(1).setCellValue(1);
			good.createCell(2).setCellValue(301);
			good.createCell(3).setCellValue("周五");
			good.createCell(4).setCellValue(IdNumbers.valid("110105", "19900909", 615));
			good.createCell(5).setCellValue(13933334444d);
			good.createCell(6).setCellValue("租户");
			var formula = sheet.createRow(2);
			formula.createCell(0).setCellValue("5号楼");
			formula.createCell(1).setCellValue("1");
			formula.createCell(2).setCellValue("302");
			formula.createCell(3).setCellFormula("HYPERLINK(\"http://evil.example\",\"x\")");
			formula.createCell(4).setCellValue(IdNumbers.valid("110105", "19900909", 626));
			formula.createCell(5).setCellValue("");
			formula.createCell(6).setCellValue("租户");
			workbook.write(out);
			xlsx = out.toByteArray();
		}
		upload("persons.xlsx", xlsx, true)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2))
			.andExpect(jsonPath("$.valid").value(1))
			.andExpect(jsonPath("$.errors[0].row").value(3))
			.andExpect(jsonPath("$.errors[0].code").value("import.cell.formula"));
	}

	@Test
	void unreadableFilesAreRefusedAndTheTemplateImportsAsIs() throws Exception {
		upload("persons.txt", "hello".getBytes(StandardCharsets.UTF_8), true).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("import.file.type"));
		upload("persons.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8), true).andExpect(status().isBadRequest());
		byte[] template = this.mvc.perform(bearer(get("/api/v1/communities/{cid}/imports/persons/template",
				this.xingfuli), this.manager))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(".xlsx")))
			.andReturn().getResponse().getContentAsByteArray();
		upload("template.xlsx", template, true).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void onlyRegistryWritersOfTheCommunityImport() throws Exception {
		var file = new MockMultipartFile("file", "p.csv", "text/csv", "楼栋\n".getBytes(StandardCharsets.UTF_8));
		this.mvc.perform(bearer(multipart("/api/v1/communities/{cid}/imports/persons", this.xingfuli).file(file),
				Api.token(this.mvc, "resident"))).andExpect(status().isForbidden());
		this.mvc.perform(bearer(multipart("/api/v1/communities/{cid}/imports/persons", this.xingfuli).file(file),
				Api.token(this.mvc, "committee"))).andExpect(status().isForbidden());
	}

	@Test
	void passportsAndPermitsAreImportedWithTheirBirthDateAndFoundByTheirNumber() throws Exception {
		String header = "楼栋,单元,房号,姓名,身份证号,手机号,与房屋关系,证件类型,出生日期,性别\n";
		String good = "5号楼,1,401,约翰·史密斯,e 9753 1864,,租户,护照,1985/3/7,男\n"
				+ "5号楼,1,401,陈美玲,H13572468,,租户,港澳通行证,1990年1月2日,\n";
		String bad = "5号楼,1,402,王五,E1,,租户,护照,1985-01-01,男\n"
				+ "5号楼,1,402,赵六,G98765432,,租户,PASSPORT,,\n"
				+ "5号楼,1,402,钱七,G98765433,,租户,驾驶证,1980-01-01,\n"
				+ "5号楼,1,402,孙八,%s,,家庭成员,,1970-01-01,男\n".formatted(IdNumbers.valid("110105", "19800101", 42));
		long before = persons();
		upload("persons.csv", (header + good + bad).getBytes(StandardCharsets.UTF_8), false)
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.total").value(6))
			.andExpect(jsonPath("$.invalid").value(4))
			.andExpect(jsonPath("$.errors[?(@.row == 4)].field").value(org.hamcrest.Matchers.contains("idNumber")))
			.andExpect(jsonPath("$.errors[?(@.row == 5)].code")
				.value(org.hamcrest.Matchers.contains("person.birthDate.required")))
			.andExpect(jsonPath("$.errors[?(@.row == 6)].field").value(org.hamcrest.Matchers.contains("idType")))
			.andExpect(jsonPath("$.errors[?(@.row == 7)].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("birthDate", "gender")));
		assertThat(persons()).isEqualTo(before);

		upload("persons.csv", (header + good).getBytes(StandardCharsets.UTF_8), false)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.written").value(2));
		assertThat(this.jdbc.sql("select id_type || ' ' || gender || ' ' || birth_date from registry.person "
				+ "where name = '约翰·史密斯'").query(String.class).single()).isEqualTo("PASSPORT M 1985-03-07");
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/persons", this.xingfuli).param("idNumber", "E97531864"),
				this.manager))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].name").value(org.hamcrest.Matchers.contains("约翰·史密斯")));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/persons", this.xingfuli).param("idNumber", "h13572468"),
				this.manager))
			.andExpect(jsonPath("$.page.totalElements").value(1));
	}

	private ResultActions upload(String filename, byte[] content, boolean dryRun) throws Exception {
		return upload(filename, content, dryRun, "zh-CN");
	}

	private ResultActions upload(String filename, byte[] content, boolean dryRun, String language) throws Exception {
		return this.mvc.perform(bearer(multipart("/api/v1/communities/{cid}/imports/persons", this.xingfuli)
			.file(new MockMultipartFile("file", filename, "application/octet-stream", content))
			.param("dryRun", String.valueOf(dryRun))
			.header("Accept-Language", language), this.manager));
	}

	private long persons() {
		return this.jdbc.sql("select count(*) from registry.person").query(Long.class).single();
	}

}
