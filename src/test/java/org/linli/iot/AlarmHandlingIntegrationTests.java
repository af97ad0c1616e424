package org.linli.iot;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.shared.photo.PhotoCheck;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The handling record of an alarm (处置记录): entries with photos on the alarm's page and through the API. */
@LinliIntegrationTest
class AlarmHandlingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IotApi iot;

	static byte[] jpeg(int size, int seed) {
		byte[] data = new byte[size];
		Arrays.fill(data, (byte) seed);
		data[0] = (byte) 0xFF;
		data[1] = (byte) 0xD8;
		data[2] = (byte) 0xFF;
		return data;
	}

	static byte[] png() {
		return Arrays.copyOf(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' }, 64);
	}

	record Alarm(String cid, String id) {
	}

	/** A community of its own with a smoke detector that has just reported smoke. */
	Alarm smokeAlarm() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String code = "alm" + UUID.randomUUID().toString().substring(0, 8);
		String cid = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", code, "name", "告警处置测试小区", "address", "测试路4号")))).andReturn())
			.get("id").asString();
		String device = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/devices", cid), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("type", "SMOKE_DETECTOR", "name", "3楼烟感")))).andReturn()).get("id").asString();
		assertThat(this.iot.receive("linli/" + code + "/devices/" + device + "/events",
				MqttDevice.event("smoke-" + UUID.randomUUID(), "SMOKE", "\"level\":3"))).isTrue();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.jdbc
			.sql("select count(*) from iot.alarm where community_id = ?::uuid").param(cid).query(Long.class)
			.single() == 1);
		String alarm = this.jdbc.sql("select id::text from iot.alarm where community_id = ?::uuid").param(cid)
			.query(String.class).single();
		return new Alarm(cid, alarm);
	}

	long entries(String alarm) {
		return this.jdbc.sql("select count(*) from iot.alarm_handling where alarm_id = ?::uuid").param(alarm)
			.query(Long.class).single();
	}

	@Test
	void staffRecordWhatWasDoneWithPhotosAsATimelineAndBadInputWritesNothing() throws Exception {
		Alarm alarm = smokeAlarm();
		MockHttpSession admin = Pages.signIn(this.mvc, "admin").session();
		String page = "/console/security/alarms/" + alarm.id();
		this.mvc.perform(get(page).param("cid", alarm.cid()).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"handling-form\"")))
			.andExpect(content().string(containsString("enctype=\"multipart/form-data\"")));

		// a blank note and a file that is no photo: both fields named, nothing written
		this.mvc.perform(multipart(page + "/handlings").file(new MockMultipartFile("photos", "x.jpg", "image/jpeg",
				"<svg onload=alert(1)>not a photo".getBytes())).param("cid", alarm.cid()).param("note", " ")
			.session(admin).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"note\"")))
			.andExpect(content().string(containsString("只接受JPEG、PNG或WebP格式的照片")));
		var tooMany = multipart(page + "/handlings");
		for (int i = 0; i < 10; i++) {
			tooMany.file(new MockMultipartFile("photos", "p" + i + ".jpg", "image/jpeg", jpeg(64, i)));
		}
		this.mvc.perform(tooMany.param("cid", alarm.cid()).param("note", "到场查看").session(admin).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("每条记录最多9张照片")))
			.andExpect(content().string(containsString("到场查看")));
		this.mvc.perform(multipart(page + "/handlings").file(new MockMultipartFile("photos", "big.jpg", "image/jpeg",
				jpeg(5 * 1024 * 1024 + 1, 1))).param("cid", alarm.cid()).param("note", "太大").session(admin)
			.with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("每张照片不能超过5 MB")));
		assertThat(entries(alarm.id())).isZero();
		assertThat(this.jdbc.sql("select count(*) from iot.alarm_photo where alarm_id = ?::uuid").param(alarm.id())
			.query(Long.class).single()).isZero();

		// a good entry: the note and two photos, kept with their SHA-256, shown in the timeline
		byte[] first = jpeg(2048, 7);
		this.mvc.perform(multipart(page + "/handlings")
			.file(new MockMultipartFile("photos", "scene.jpg", "application/octet-stream", first))
			.file(new MockMultipartFile("photos", "after.png", "image/png", png()))
			.file(new MockMultipartFile("photos", "", "application/octet-stream", new byte[0]))
			.param("cid", alarm.cid()).param("note", "保安到场，确认厨房油烟，已开窗通风").session(admin).with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("select sha256 from iot.alarm_photo where alarm_id = ?::uuid and content_type = 'image/jpeg'")
			.param(alarm.id()).query(String.class).single()).isEqualTo(PhotoCheck.sha256(first));
		String html = this.mvc.perform(get(page).param("cid", alarm.cid()).session(admin)).andExpect(status().isOk())
			.andExpect(content().string(containsString("保安到场，确认厨房油烟，已开窗通风")))
			.andReturn().getResponse().getContentAsString();
		String photoId = this.jdbc.sql("select id::text from iot.alarm_photo where alarm_id = ?::uuid and content_type = 'image/jpeg'")
			.param(alarm.id()).query(String.class).single();
		assertThat(html).contains("/photos/" + photoId);
		this.mvc.perform(get(page + "/photos/" + photoId).param("cid", alarm.cid()).session(admin))
			.andExpect(status().isOk()).andExpect(header().string("Content-Type", "image/jpeg"))
			.andExpect(content().bytes(first));
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'iot.alarm.handle' and object = ?")
			.param("alarm " + alarm.id()).query(Long.class).single()).isEqualTo(1);

		// the API takes the same multipart entry and answers the timeline with each photo's digest
		String token = Api.token(this.mvc, "admin");
		String api = "/api/v1/communities/" + alarm.cid() + "/alarms/" + alarm.id();
		this.mvc.perform(bearer(multipart(api + "/handlings"), token)
			.file(new MockMultipartFile("photos", "a.jpg", "image/jpeg", jpeg(100, 3))).param("note", "复查正常"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[0].photoFiles.length()").value(2))
			.andExpect(jsonPath("$[0].photoFiles[0].sha256").value(PhotoCheck.sha256(first)))
			.andExpect(jsonPath("$[1].note").value("复查正常"));
		this.mvc.perform(bearer(multipart(api + "/handlings"), token)
			.file(new MockMultipartFile("photos", "a.gif", "image/gif", "GIF89a........".getBytes())).param("note", ""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("note", "photos")));
		this.mvc.perform(bearer(get(api + "/photos/" + photoId), token)).andExpect(status().isOk())
			.andExpect(content().bytes(first));
		// the JSON entry without photos still works as before
		this.mvc.perform(bearer(post(api + "/handlings"), token).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("note", "已通知住户", "photos", "cam-1/snap-9")))).andExpect(status().isCreated())
			.andExpect(jsonPath("$.length()").value(3));
		assertThat(entries(alarm.id())).isEqualTo(3);
	}

	@Test
	void residentsAndStaffOfAnotherCommunityCannotReadOrWriteTheRecord() throws Exception {
		Alarm alarm = smokeAlarm();
		String page = "/console/security/alarms/" + alarm.id();
		for (String account : List.of("resident", "staff")) {
			MockHttpSession session = Pages.signIn(this.mvc, account).session();
			this.mvc.perform(get(page).param("cid", alarm.cid()).session(session)).andExpect(status().isForbidden());
			this.mvc.perform(multipart(page + "/handlings").param("cid", alarm.cid()).param("note", "越权")
				.session(session).with(csrf())).andExpect(status().isForbidden());
			String token = Api.token(this.mvc, account);
			this.mvc.perform(bearer(multipart("/api/v1/communities/" + alarm.cid() + "/alarms/" + alarm.id()
					+ "/handlings"), token).param("note", "越权"))
				.andExpect(status().isForbidden());
		}
		// the alarm id under the wrong community is not found, not leaked
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(get(page).param("cid", xingfuli).session(Pages.signIn(this.mvc, "staff").session()))
			.andExpect(status().isNotFound());
		assertThat(entries(alarm.id())).isZero();
	}

}
