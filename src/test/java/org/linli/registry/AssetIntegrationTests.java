package org.linli.registry;

import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** One code per thing (一物一码): registering, the QR label, the public scan page and problem reports. */
@LinliIntegrationTest
@RecordApplicationEvents
class AssetIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aRegisteredAssetsLabelOpensItsPublicPageWhereAnyoneReportsAProblem(ApplicationEvents events)
			throws Exception {
		String cid = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		String manager = Api.token(this.mvc, "manager");
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/assets", cid), manager)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("type", "ROCKET", "name", ""))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("type", "name")));
		var asset = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/assets", cid), manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("type", "ELEVATOR", "name", "1号楼1单元加装电梯", "location", "1号楼1单元北侧"))))
			.andExpect(status().isCreated())
			.andReturn());
		String id = asset.get("id").asString();
		String code = asset.get("code").asString();
		assertThat(code).matches("[2-9A-HJ-NP-Z]{10}");

		byte[] png = this.mvc.perform(bearer(get("/api/v1/communities/{cid}/assets/{id}/label.png", cid, id), manager))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsByteArray();
		var image = ImageIO.read(new ByteArrayInputStream(png));
		String scanned = new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)))).getText();
		assertThat(scanned).endsWith("/public/assets/" + code);

		MockHttpSession visitor = new MockHttpSession();
		this.mvc.perform(get("/public/assets/{code}", code.toLowerCase()).session(visitor))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1号楼1单元加装电梯")))
			.andExpect(content().string(containsString("电梯")));
		this.mvc.perform(post("/public/assets/{code}/reports", code).session(visitor).with(csrf())
			.param("description", "x").param("phone", "123"))
			.andExpect(content().string(containsString("请描述问题")))
			.andExpect(content().string(containsString("手机号须为")));
		this.mvc.perform(post("/public/assets/{code}/reports", code).session(visitor).with(csrf())
			.param("description", "电梯门关不上，发出异响").param("phone", "13912345678"))
			.andExpect(content().string(containsString("已收到")));
		var stored = this.jdbc.sql("select description, phone_enc from registry.asset_report where asset_id = :a::uuid")
			.param("a", id).query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) }).single();
		assertThat(stored[0]).isEqualTo("电梯门关不上，发出异响");
		assertThat(stored[1]).isNotBlank().doesNotContain("13912345678");
		assertThat(events.stream(AssetProblemReported.class))
			.anySatisfy(e -> assertThat(e.assetId()).isEqualTo(UUID.fromString(id)));
		this.mvc.perform(get("/public/assets/{code}", "NOSUCHCODE")).andExpect(status().isNotFound());
	}

	@Test
	void statusChangesAreKeptAsTheAssetsHistoryAndARetiredAssetStaysRetired() throws Exception {
		String cid = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		String manager = Api.token(this.mvc, "manager");
		String id = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/assets", cid), manager)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("type", "CHARGER", "name", "充电桩 3 号"))))
			.andReturn()).get("id").asString();
		String path = "/api/v1/communities/{cid}/assets/{id}/status";
		for (String status : new String[] { "FAULTY", "UNDER_REPAIR", "IN_SERVICE", "RETIRED" }) {
			this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path, cid, id),
					manager).contentType(MediaType.APPLICATION_JSON)
				.content(Api.json(Map.of("status", status, "note", "巡检记录 " + status))))
				.andExpect(status().isOk());
		}
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path, cid, id),
				manager).contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("status", "IN_SERVICE"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].code").value("asset.status.retired"));
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/assets/{id}/history", cid, id), manager))
			.andExpect(jsonPath("$.length()").value(4))
			.andExpect(jsonPath("$[0].from").value("IN_SERVICE"))
			.andExpect(jsonPath("$[3].to").value("RETIRED"))
			.andExpect(jsonPath("$[3].changedBy").value("manager"));
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put(path, cid, id),
				Api.token(this.mvc, "committee")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("status", "FAULTY")))).andExpect(status().isForbidden());
	}

	@Test
	void aLabelCannotBeUsedToFloodTheOffice() throws Exception {
		String cid = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		String code = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/assets", cid),
				Api.token(this.mvc, "manager")).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("type", "LIGHTING", "name", "路灯 7 号"))))
			.andReturn()).get("code").asString();
		MockHttpSession visitor = new MockHttpSession();
		for (int i = 0; i < 20; i++) {
			this.mvc.perform(post("/public/assets/{code}/reports", code).session(visitor).with(csrf())
				.param("description", "灯不亮了 " + i)).andExpect(content().string(containsString("已收到")));
		}
		this.mvc.perform(post("/public/assets/{code}/reports", code).session(visitor).with(csrf())
			.param("description", "灯不亮了"))
			.andExpect(content().string(not(containsString("已收到"))))
			.andExpect(content().string(containsString("稍后再试")));
	}

}
