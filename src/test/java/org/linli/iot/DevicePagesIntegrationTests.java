package org.linli.iot;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.Test;
import org.linli.iot.domain.MqttGateway;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Staff register, edit, retire devices and reset their broker passwords through the console pages. */
@LinliIntegrationTest
class DevicePagesIntegrationTests {

	private static final Pattern PASSWORD = Pattern.compile("id=\"secret-password\">([^<]+)<");

	private static final Pattern USERNAME = Pattern.compile("id=\"secret-username\">([^<]+)<");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MqttGateway gateway;

	record Compound(String cid, String code, String buildingId) {
	}

	Compound compound() throws Exception {
		String admin = Api.token(this.mvc, "admin");
		String code = "dev" + UUID.randomUUID().toString().substring(0, 8);
		String cid = Api.body(this.mvc.perform(bearer(post("/api/v1/communities"), admin)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", code, "name", "设备测试小区", "address", "测试路3号")))).andReturn())
			.get("id").asString();
		String building = Api.body(this.mvc.perform(bearer(post("/api/v1/communities/{cid}/buildings", cid), admin)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("name", "1号楼")))).andReturn())
			.get("id").asString();
		return new Compound(cid, code, building);
	}

	long devices(String cid) {
		return this.jdbc.sql("select count(*) from iot.device where community_id = ?::uuid").param(cid)
			.query(Long.class).single();
	}

	static String find(Pattern pattern, String html) {
		Matcher matcher = pattern.matcher(html);
		assertThat(matcher.find()).as("page shows " + pattern).isTrue();
		return matcher.group(1);
	}

	boolean logsIn(String code, String deviceId, String password) {
		try (MqttDevice device = MqttDevice.connect(this.gateway.brokerUrl(), code, deviceId, password)) {
			return device.client().isConnected();
		}
		catch (MqttException refused) {
			return false;
		}
	}

	long audited(String action, String deviceId) {
		return this.jdbc.sql("select count(*) from audit.audit_event where action = ? and object = ?").param(action)
			.param("device " + deviceId).query(Long.class).single();
	}

	@Test
	void aManagerRegistersEditsResetsThePasswordOnceAndRetiresADevice() throws Exception {
		Compound compound = compound();
		MockHttpSession admin = Pages.signIn(this.mvc, "admin").session();
		this.mvc.perform(get("/console/security/devices/new").param("cid", compound.cid()).session(admin))
			.andExpect(status().isOk()).andExpect(content().string(containsString("id=\"device-form\"")));

		// every bad field is named beside its input, nothing is written
		this.mvc.perform(post("/console/security/devices").param("cid", compound.cid()).session(admin).with(csrf())
			.param("type", "").param("name", " ").param("unit", "x".repeat(21)).param("id", "a b"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"type\"")))
			.andExpect(content().string(containsString("data-field=\"name\"")))
			.andExpect(content().string(containsString("data-field=\"unit\"")))
			.andExpect(content().string(containsString("data-field=\"id\"")));
		assertThat(devices(compound.cid())).isZero();

		String html = this.mvc.perform(post("/console/security/devices").param("cid", compound.cid()).session(admin)
			.with(csrf()).param("type", "DOOR_STATION").param("name", "北门门口机").param("buildingId", compound.buildingId())
			.param("unit", "1单元").param("location", "大堂"))
			.andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn().getResponse().getContentAsString();
		String deviceId = find(USERNAME, html);
		String first = find(PASSWORD, html);
		assertThat(logsIn(compound.code(), deviceId, first)).isTrue();
		assertThat(audited("iot.device.register", deviceId)).isEqualTo(1);
		// the password is never shown again
		this.mvc.perform(get("/console/security/devices/{id}", deviceId).param("cid", compound.cid()).session(admin))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString(first))))
			.andExpect(content().string(containsString("1号楼")));

		// an edit on the current version is saved; the same (now stale) form is refused with a translated error
		this.mvc.perform(post("/console/security/devices/{id}", deviceId).param("cid", compound.cid()).session(admin)
			.with(csrf()).param("version", "0").param("name", "北门主机").param("buildingId", compound.buildingId())
			.param("unit", "2单元").param("location", "大堂"))
			.andExpect(redirectedUrl("/console/security/devices/" + deviceId + "?cid=" + compound.cid()));
		this.mvc.perform(post("/console/security/devices/{id}", deviceId).param("cid", compound.cid()).session(admin)
			.with(csrf()).param("version", "0").param("name", "旧表单的名字"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("其他人已修改了该设备")));
		assertThat(this.jdbc.sql("select name || '/' || unit || '/' || version from iot.device where id = ?")
			.param(deviceId).query(String.class).single()).isEqualTo("北门主机/2单元/1");
		assertThat(audited("iot.device.edit", deviceId)).isEqualTo(1);
		// bad input on edit: field errors, nothing written
		this.mvc.perform(post("/console/security/devices/{id}", deviceId).param("cid", compound.cid()).session(admin)
			.with(csrf()).param("version", "1").param("name", "").param("assetId", UUID.randomUUID().toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"name\"")))
			.andExpect(content().string(containsString("data-field=\"assetId\"")));
		assertThat(this.jdbc.sql("select name from iot.device where id = ?").param(deviceId).query(String.class)
			.single()).isEqualTo("北门主机");

		// a new password: shown once; the broker refuses the old one at once and takes the new one, and a connection
		// made with the old one is cut
		MqttDevice connected = MqttDevice.connect(this.gateway.brokerUrl(), compound.code(), deviceId, first);
		String resetPage = this.mvc.perform(post("/console/security/devices/{id}/reset-secret", deviceId)
			.param("cid", compound.cid()).session(admin).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		String second = find(PASSWORD, resetPage);
		assertThat(second).isNotEqualTo(first);
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> !connected.client().isConnected());
		connected.close();
		assertThat(logsIn(compound.code(), deviceId, first)).isFalse();
		assertThat(logsIn(compound.code(), deviceId, second)).isTrue();
		assertThat(audited("iot.device.resetSecret", deviceId)).isEqualTo(1);

		// retiring on a stale version is refused; on the current one the device can no longer log in
		this.mvc.perform(post("/console/security/devices/{id}/retire", deviceId).param("cid", compound.cid())
			.session(admin).with(csrf()).param("version", "1"))
			.andExpect(status().isOk()).andExpect(content().string(containsString("其他人已修改了该设备")));
		this.mvc.perform(post("/console/security/devices/{id}/retire", deviceId).param("cid", compound.cid())
			.session(admin).with(csrf()).param("version", "2"))
			.andExpect(redirectedUrl("/console/security/devices?cid=" + compound.cid()));
		assertThat(logsIn(compound.code(), deviceId, second)).isFalse();
		this.mvc.perform(bearer(get("/api/v1/communities/{cid}/devices", compound.cid()), Api.token(this.mvc, "admin")))
			.andExpect(content().string(not(containsString(deviceId))));
		this.mvc.perform(post("/console/security/devices/{id}/reset-secret", deviceId).param("cid", compound.cid())
			.session(admin).with(csrf()))
			.andExpect(status().isOk()).andExpect(content().string(containsString("已停用")));
		assertThatThrownBy(() -> MqttDevice.connect(this.gateway.brokerUrl(), compound.code(), deviceId, second))
			.isInstanceOf(MqttException.class);
	}

	@Test
	void residentsStaffOfOtherCommunitiesAndPlainStaffCannotManageDevices() throws Exception {
		Compound compound = compound();
		MockHttpSession resident = Pages.signIn(this.mvc, "resident").session();
		MockHttpSession staff = Pages.signIn(this.mvc, "staff").session();
		this.mvc.perform(get("/console/security/devices").param("cid", compound.cid()).session(resident))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/security/devices").param("cid", compound.cid()).session(staff))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/console/security/devices").param("cid", compound.cid()).session(staff).with(csrf())
			.param("type", "CAMERA").param("name", "越权"))
			.andExpect(status().isForbidden());
		assertThat(devices(compound.cid())).isZero();
		// staff of the demo compound see its devices but may not reset a password (managers only)
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.mvc.perform(get("/console/security/devices").param("cid", xingfuli).session(staff))
			.andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"new-device\""))));
		this.mvc.perform(post("/console/security/devices/{id}/reset-secret", "xfl-door-north").param("cid", xingfuli)
			.session(staff).with(csrf()))
			.andExpect(status().isForbidden());
		// without the CSRF token nothing happens
		this.mvc.perform(post("/console/security/devices/{id}/reset-secret", "xfl-door-north").param("cid", xingfuli)
			.session(Pages.signIn(this.mvc, "manager").session()))
			.andExpect(status().isForbidden());
		assertThat(logsIn("xingfuli", "xfl-door-north", Api.DEMO_PASSWORD)).isTrue();
	}

	@Test
	void theApiEditsWithAVersionResetsThePasswordOnceAndRetires() throws Exception {
		Compound compound = compound();
		String admin = Api.token(this.mvc, "admin");
		String base = "/api/v1/communities/" + compound.cid() + "/devices";
		var registered = Api.body(this.mvc.perform(bearer(post(base), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("type", "BARRIER_GATE", "name", "北门道闸")))).andExpect(status().isCreated())
			.andReturn());
		String id = registered.get("id").asString();
		this.mvc.perform(bearer(put(base + "/" + id), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("version", 0, "name", "北门道闸（入）", "buildingId", compound.buildingId()))))
			.andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.name").value("北门道闸（入）"));
		this.mvc.perform(bearer(put(base + "/" + id), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("version", 0, "name", "旧的"))))
			.andExpect(status().isConflict());
		this.mvc.perform(bearer(put(base + "/" + id), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("version", 1, "name", "", "unit", "x".repeat(21)))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.hasItems("name", "unit")));
		var reset = Api.body(this.mvc.perform(bearer(post(base + "/" + id + "/reset-secret"), admin))
			.andExpect(status().isOk()).andExpect(header().string("Cache-Control", containsString("no-store")))
			.andReturn());
		assertThat(logsIn(compound.code(), id, registered.get("password").asString())).isFalse();
		assertThat(logsIn(compound.code(), id, reset.get("password").asString())).isTrue();
		this.mvc.perform(bearer(post(base + "/" + id + "/reset-secret"), Api.token(this.mvc, "staff")))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get(base + "/" + id), admin)).andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.password").doesNotExist());
		this.mvc.perform(bearer(post(base + "/" + id + "/retire"), admin).contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":2}")).andExpect(status().isNoContent());
		this.mvc.perform(bearer(get(base + "/" + id), admin)).andExpect(jsonPath("$.status").value("RETIRED"));
		assertThat(logsIn(compound.code(), id, reset.get("password").asString())).isFalse();
		assertThat(audited("iot.device.register", id) + audited("iot.device.edit", id)
				+ audited("iot.device.resetSecret", id) + audited("iot.device.retire", id)).isEqualTo(4);
	}

}
