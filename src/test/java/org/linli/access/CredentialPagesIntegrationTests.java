package org.linli.access;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.support.Api;
import org.linli.support.IdNumbers;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff manage a resident's credentials and paper consents from the room or the person. */
@LinliIntegrationTest
class CredentialPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	record Household(String cid, String roomId, String adult, String child, String door) {
	}

	String created(String token, String path, Map<String, ?> body) throws Exception {
		return Api.body(this.mvc.perform(bearer(post(path), token).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(body))).andExpect(status().is2xxSuccessful()).andReturn()).get("id").asString();
	}

	/** A community of its own: one room where a parent and a child (born 2018) live, and a door station. */
	Household household() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String code = "crd" + UUID.randomUUID().toString().substring(0, 8);
		String cid = created(admin, "/api/v1/communities", Map.of("code", code, "name", "凭证测试小区", "address", "测试路5号"));
		String base = "/api/v1/communities/" + cid;
		String building = created(admin, base + "/buildings", Map.of("name", "1号楼"));
		String room = created(admin, base + "/rooms", Map.of("buildingId", building, "unit", "1", "floor", 1,
				"number", "101", "exclusiveArea", "88.50", "areaSource", "REGISTERED"));
		String adult = created(admin, base + "/persons", Map.of("name", "钱家长", "idNumber",
				IdNumbers.valid("110105", "19810203", 21), "phone", "13900139010"));
		String child = created(admin, base + "/persons", Map.of("name", "钱小宝", "idNumber",
				IdNumbers.valid("110105", "20180304", 22), "phone", "13900139011", "birthDate", "2018-03-04"));
		for (String[] who : new String[][] { { adult, "OWNER" }, { child, "FAMILY" } }) {
			this.mvc.perform(bearer(post(base + "/persons/" + who[0] + "/move-in"), admin)
				.contentType(MediaType.APPLICATION_JSON)
				.content(Api.json(Map.of("roomId", room, "relation", who[1], "since", "2024-01-01"))))
				.andExpect(status().isOk());
		}
		String door = Api.body(this.mvc.perform(bearer(post(base + "/devices"), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("type", "DOOR_STATION", "name", "单元门"))))
			.andReturn()).get("id").asString();
		return new Household(cid, room, adult, child, door);
	}

	long active(String person, String kind) {
		return this.jdbc.sql("""
				select count(*) from access.credential where person_id = ?::uuid and kind = ? and status = 'ACTIVE'
				""").param(person).param(kind).query(Long.class).single();
	}

	long audited(String action, String person) {
		return this.jdbc.sql("select count(*) from audit.audit_event where action = ? and object = ?").param(action)
			.param("person " + person).query(Long.class).single();
	}

	@Test
	void staffIssueACardResetAPinRecordPaperConsentAndRevokeWithTheDoorsTold() throws Exception {
		Household h = household();
		MockHttpSession admin = Pages.signIn(this.mvc, "admin").session();
		String person = "/console/security/persons/" + h.adult() + "/credentials";

		// from the room to its household
		this.mvc.perform(get("/console/security/rooms/{rid}/credentials", h.roomId()).param("cid", h.cid())
			.session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString(h.adult())))
			.andExpect(content().string(containsString("钱*宝")))
			.andExpect(content().string(not(containsString("钱小宝"))));
		this.mvc.perform(get("/console/security/credentials").param("cid", h.cid()).param("room", "1-1-101")
			.session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("/console/security/persons/" + h.child() + "/credentials")));
		this.mvc.perform(get("/console/security/credentials").param("cid", h.cid()).param("room", "9-9-909")
			.session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("本小区没有这个房屋")));

		this.mvc.perform(post(person + "/card").param("cid", h.cid()).param("cardNumber", "xyz").session(admin)
			.with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"cardNumber\"")));
		this.mvc.perform(post(person + "/card").param("cid", h.cid()).param("cardNumber", "0a1b2c3d4e").session(admin)
			.with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post(person + "/pin").param("cid", h.cid()).param("pin", "111111").session(admin)
			.with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"pin\"")));
		this.mvc.perform(post(person + "/pin").param("cid", h.cid()).param("pin", "482913").session(admin)
			.with(csrf())).andExpect(status().is3xxRedirection());
		this.mvc.perform(post(person + "/pin").param("cid", h.cid()).param("pin", "573920").session(admin)
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(active(h.adult(), "CARD")).isEqualTo(1);
		assertThat(active(h.adult(), "PIN")).isEqualTo(1);
		this.mvc.perform(get(person).param("cid", h.cid()).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("****3D4E")))
			.andExpect(content().string(not(containsString("0A1B2C3D4E"))))
			.andExpect(content().string(not(containsString("573920"))))
			.andExpect(content().string(containsString("钱*长")));

		// a paper consent needs the form's number; a child's needs an adult of the household as guardian
		this.mvc.perform(post("/console/security/persons/" + h.adult() + "/face-consent").param("cid", h.cid())
			.param("paperRef", "").session(admin).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("data-field=\"paperRef\"")));
		this.mvc.perform(post("/console/security/persons/" + h.child() + "/face-consent").param("cid", h.cid())
			.param("paperRef", "FC-2026-002").session(admin).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"guardianPersonId\"")))
			.andExpect(content().string(containsString("未满14周岁")));
		this.mvc.perform(post("/console/security/persons/" + h.child() + "/face-consent").param("cid", h.cid())
			.param("paperRef", "FC-2026-002").param("guardianPersonId", h.adult()).session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(post("/console/security/persons/" + h.adult() + "/face-consent").param("cid", h.cid())
			.param("paperRef", "FC-2026-001").session(admin).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select channel || ' ' || paper_ref from access.face_consent where person_id = ?::uuid")
			.param(h.adult()).query(String.class).single()).isEqualTo("PAPER FC-2026-001");

		// the face (enrolled at a device, through the API) keeps one other way in: the last one cannot go
		String token = Api.token(this.mvc, "admin");
		String api = "/api/v1/communities/" + h.cid() + "/persons/" + h.adult() + "/credentials";
		created(token, api, Map.of("kind", "FACE", "templateRef", "tpl-qian"));
		String card = this.jdbc.sql("select id::text from access.credential where person_id = ?::uuid and kind = 'CARD'")
			.param(h.adult()).query(String.class).single();
		String pin = this.jdbc.sql("""
				select id::text from access.credential where person_id = ?::uuid and kind = 'PIN' and status = 'ACTIVE'
				""").param(h.adult()).query(String.class).single();
		long commandsBefore = this.jdbc.sql("select count(*) from iot.device_command where device_id = ?")
			.param(h.door()).query(Long.class).single();
		this.mvc.perform(post(person + "/" + card + "/revoke").param("cid", h.cid()).session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select payload from iot.device_command where device_id = ? order by id desc limit 1")
			.param(h.door()).query(String.class).single()).contains("REVOKE_CREDENTIAL").contains(card);
		this.mvc.perform(post(person + "/" + pin + "/revoke").param("cid", h.cid()).session(admin).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("人脸识别不能是唯一的开门方式")));
		assertThat(active(h.adult(), "PIN")).isEqualTo(1);

		// a withdrawal on paper removes the face from the platform and the doors
		this.mvc.perform(post("/console/security/persons/" + h.adult() + "/face-consent/withdraw").param("cid", h.cid())
			.session(admin).with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(active(h.adult(), "FACE")).isZero();
		assertThat(this.jdbc.sql("select revoke_channel from access.face_consent where person_id = ?::uuid")
			.param(h.adult()).query(String.class).single()).isEqualTo("PAPER");
		assertThat(this.jdbc.sql("select count(*) from iot.device_command where device_id = ?").param(h.door())
			.query(Long.class).single()).isEqualTo(commandsBefore + 2);

		// the card on the page, the face through the API
		assertThat(audited("access.credential.add", h.adult())).isEqualTo(2);
		assertThat(audited("access.credential.pinReset", h.adult())).isEqualTo(2);
		assertThat(audited("access.consent.grant", h.child())).isEqualTo(1);
		assertThat(audited("access.credential.revoke", h.adult())).isEqualTo(1);
		assertThat(audited("access.consent.revoke", h.adult())).isEqualTo(1);
	}

	@Test
	void staffEnrolAFaceWithTheDevicesTemplateOnlyAfterConsentBesideAnotherWayIn() throws Exception {
		Household h = household();
		MockHttpSession admin = Pages.signIn(this.mvc, "admin").session();
		String adult = "/console/security/persons/" + h.adult() + "/credentials";
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

		// no consent yet: no enrolment form, and a posted one is refused with the reason
		this.mvc.perform(get(adult).param("cid", h.cid()).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"face-enrol\""))));
		this.mvc.perform(multipart(adult + "/face").param("cid", h.cid()).param("templateRef", "tpl-1")
			.session(admin).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("开通人脸识别须先取得本人单独授权")));

		this.mvc.perform(post("/console/security/persons/" + h.adult() + "/face-consent").param("cid", h.cid())
			.param("paperRef", "FC-2026-101").param("photoKept", "true").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(adult).param("cid", h.cid()).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"face-enrol\"")))
			.andExpect(content().string(containsString("name=\"photo\"")));
		// face is never the only way in
		this.mvc.perform(multipart(adult + "/face").param("cid", h.cid()).param("templateRef", "tpl-1")
			.session(admin).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("人脸识别不能是唯一的开门方式")));
		this.mvc.perform(post(adult + "/card").param("cid", h.cid()).param("cardNumber", "5e6f7a8b9c").session(admin)
			.with(csrf())).andExpect(status().is3xxRedirection());
		// field errors: no template; a file that is no picture
		this.mvc.perform(multipart(adult + "/face").param("cid", h.cid()).param("templateRef", " ")
			.session(admin).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"templateRef\"")));
		this.mvc.perform(multipart(adult + "/face")
			.file(new MockMultipartFile("photo", "face.png", "image/png", "not a picture".getBytes()))
			.param("cid", h.cid()).param("templateRef", "tpl-1").session(admin).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"photo\"")));
		assertThat(active(h.adult(), "FACE")).isZero();

		this.mvc.perform(multipart(adult + "/face").file(new MockMultipartFile("photo", "face.png", "image/png", png))
			.param("cid", h.cid()).param("templateRef", "tpl-qian-2026").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(active(h.adult(), "FACE")).isEqualTo(1);
		String stored = this.jdbc.sql("""
				select template_ref || ' ' || photo from access.credential
				 where person_id = ?::uuid and kind = 'FACE' and status = 'ACTIVE'
				""").param(h.adult()).query(String.class).single();
		assertThat(stored).as("template and photo encrypted at rest").doesNotContain("tpl-qian-2026")
			.doesNotContain(java.util.Base64.getEncoder().encodeToString(png));
		this.mvc.perform(get(adult).param("cid", h.cid()).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(not(containsString("tpl-qian-2026"))));
		assertThat(audited("access.credential.add", h.adult())).isEqualTo(2);

		// the child has no consent of their own: the guardian's consent for the parent does not count
		this.mvc.perform(multipart("/console/security/persons/" + h.child() + "/credentials/face").param("cid", h.cid())
			.param("templateRef", "tpl-child").session(admin).with(csrf())).andExpect(status().isOk())
			.andExpect(content().string(containsString("开通人脸识别须先取得本人单独授权")));
	}

	@Test
	void residentsAndStaffOfAnotherCommunityCannotReachTheseStaffPages() throws Exception {
		Household h = household();
		String person = "/console/security/persons/" + h.adult() + "/credentials";
		for (String account : java.util.List.of("resident", "staff")) {
			MockHttpSession session = Pages.signIn(this.mvc, account).session();
			this.mvc.perform(get(person).param("cid", h.cid()).session(session)).andExpect(status().isForbidden());
			this.mvc.perform(get("/console/security/rooms/{rid}/credentials", h.roomId()).param("cid", h.cid())
				.session(session)).andExpect(status().isForbidden());
			this.mvc.perform(post(person + "/card").param("cid", h.cid()).param("cardNumber", "0A1B2C3D99")
				.session(session).with(csrf())).andExpect(status().isForbidden());
			this.mvc.perform(post("/console/security/persons/" + h.adult() + "/face-consent").param("cid", h.cid())
				.param("paperRef", "X-1").session(session).with(csrf())).andExpect(status().isForbidden());
			this.mvc.perform(multipart(person + "/face").param("cid", h.cid()).param("templateRef", "tpl-x")
				.session(session).with(csrf())).andExpect(status().isForbidden());
		}
		// the person asked for under the staff member's own community is not found there
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(get(person).param("cid", xingfuli).session(Pages.signIn(this.mvc, "staff").session()))
			.andExpect(status().isNotFound());
		assertThat(active(h.adult(), "CARD")).isZero();
		assertThat(this.jdbc.sql("select count(*) from access.face_consent where person_id = ?::uuid").param(h.adult())
			.query(Long.class).single()).isZero();
	}

}
