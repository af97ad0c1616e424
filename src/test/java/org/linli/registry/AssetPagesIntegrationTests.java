package org.linli.registry;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.Role;
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
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff's asset pages (一物一码): filtered list, an asset's page and status history, and problem reports. */
@LinliIntegrationTest
class AssetPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	TestCompound compound;

	String assets;

	UUID building;

	@BeforeEach
	void setUp() {
		this.compound = TestCompound.create(this.registry, this.jdbc);
		this.assets = "/console/communities/" + this.compound.id() + "/assets";
		this.building = this.jdbc.sql("select id from registry.building where community_id = :c")
			.param("c", this.compound.id()).query(UUID.class).single();
	}

	@Test
	void theListFiltersByTypeStatusAndBuilding() throws Exception {
		UUID elevator = register("ELEVATOR", "1号楼电梯", this.building);
		UUID charger = register("CHARGER", "北门充电桩", null);
		send(post(this.assets + "/{id}/status", charger).param("status", "FAULTY"), Role.PROPERTY_STAFF);
		send(post(this.assets).param("type", "ROCKET").param("name", ""), Role.PROPERTY_STAFF)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-field=\"type\"")))
			.andExpect(content().string(containsString("data-field=\"name\"")));

		this.mvc.perform(get(this.assets).param("type", "ELEVATOR").with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1号楼电梯")))
			.andExpect(content().string(not(containsString("北门充电桩"))));
		this.mvc.perform(get(this.assets).param("status", "FAULTY").with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("北门充电桩")))
			.andExpect(content().string(not(containsString("1号楼电梯"))));
		this.mvc.perform(get(this.assets).param("buildingId", this.building.toString())
			.with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("/assets/" + elevator)))
			.andExpect(content().string(not(containsString("/assets/" + charger))));
		// the committee reads the list but does not register assets
		this.mvc.perform(get(this.assets).with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(content().string(not(containsString("id=\"asset-name\""))));
	}

	@Test
	void anAssetsPageShowsItsLabelAndKeepsEveryStatusChange() throws Exception {
		UUID asset = register("ELEVATOR", "2单元电梯", this.building);
		String page = this.assets + "/" + asset;
		this.mvc.perform(get(page).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data:image/png;base64,")))
			.andExpect(content().string(containsString(page + "/label")))
			.andExpect(content().string(containsString("尚无状态变更")));
		send(post(page + "/status").param("status", "IN_SERVICE"), Role.PROPERTY_STAFF)
			.andExpect(redirectedUrl(page))
			.andExpect(flash().attribute("fieldErrors", hasEntry("status", "设施已是该状态。")));
		send(post(page + "/status").param("status", "FAULTY").param("note", "门机异响"), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("saved", true));
		send(post(page + "/status").param("status", "UNDER_REPAIR"), Role.PROPERTY_MANAGER)
			.andExpect(flash().attribute("saved", true));
		this.mvc.perform(get(page).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("门机异响")))
			.andExpect(content().string(containsString("id=\"asset-status\">维修中<")));
		assertThat(this.jdbc.sql("select count(*) from registry.asset_event where asset_id = :a").param("a", asset)
			.query(Long.class).single()).isEqualTo(2);
		send(post(page + "/status").param("status", "IN_SERVICE"), Role.COMMITTEE_MEMBER)
			.andExpect(status().isForbidden());
		this.mvc.perform(get(this.assets + "/{id}", UUID.randomUUID()).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(status().isNotFound());
	}

	@Test
	void staffSeeTheProblemsReportedFromTheScanPageAndMarkThemHandled() throws Exception {
		UUID asset = register("LIGHTING", "3号路灯", null);
		String code = this.jdbc.sql("select code from registry.asset where id = :a").param("a", asset)
			.query(String.class).single();
		this.mvc.perform(post("/public/assets/{code}/reports", code).with(csrf())
			.param("description", "路灯整晚不亮").param("phone", "13912345678"))
			.andExpect(content().string(containsString("已收到")));
		UUID report = this.jdbc.sql("select id from registry.asset_report where asset_id = :a").param("a", asset)
			.query(UUID.class).single();
		// the work-order module turns the report into a repair order and the report counts as handled by it
		UUID order = Awaitility.await()
			.atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.sql("select work_order_id from registry.asset_report where id = :r")
				.param("r", report).query(UUID.class).optional().orElse(null), java.util.Objects::nonNull);

		String reports = this.assets + "/reports";
		this.mvc.perform(get(reports).param("status", "HANDLED").with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("路灯整晚不亮")))
			.andExpect(content().string(containsString("13912345678")))
			.andExpect(content().string(containsString("/console/work-orders/" + order)))
			.andExpect(content().string(not(containsString("/reports/" + report + "/handle"))));
		// the reporter's mobile is masked for roles that do not see mobiles whole
		this.mvc.perform(get(reports).param("status", "HANDLED").with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString("13912345678"))));
		send(post(reports + "/{rid}/handle", report), Role.PROPERTY_STAFF)
			.andExpect(flash().attribute("fieldErrors", hasEntry("form", "该上报已被处理。")));

		// a report without an order (the order could not be filed) is marked handled by hand
		UUID manual = UUID.randomUUID();
		this.jdbc.sql("""
				insert into registry.asset_report (id, community_id, asset_id, description, reported_at, status)
				values (:id, :c, :a, '灯杆歪斜', now(), 'NEW')
				""").param("id", manual).param("c", this.compound.id()).param("a", asset).update();
		this.mvc.perform(get(reports).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("灯杆歪斜")))
			.andExpect(content().string(containsString("/reports/" + manual + "/handle")));
		this.mvc.perform(get(reports).with(this.compound.as(Role.COMMITTEE_MEMBER)))
			.andExpect(content().string(not(containsString("/handle"))));
		send(post(reports + "/{rid}/handle", manual), Role.COMMITTEE_MEMBER).andExpect(status().isForbidden());
		send(post(reports + "/{rid}/handle", manual), Role.PROPERTY_STAFF)
			.andExpect(redirectedUrl(reports))
			.andExpect(flash().attribute("saved", true));
		assertThat(this.jdbc.sql("select status || ':' || handled_by from registry.asset_report where id = :r")
			.param("r", manual).query(String.class).single()).startsWith("HANDLED:property_staff-");
		send(post(reports + "/{rid}/handle", manual), Role.PROPERTY_MANAGER)
			.andExpect(flash().attribute("fieldErrors", hasEntry("form", "该上报已被处理。")));
		this.mvc.perform(get(reports).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(not(containsString("灯杆歪斜"))));
		this.mvc.perform(get(this.assets + "/" + asset).with(this.compound.as(Role.PROPERTY_STAFF)))
			.andExpect(content().string(containsString("路灯整晚不亮")))
			.andExpect(content().string(containsString("灯杆歪斜")));
	}

	@Test
	void residentsAndStaffOfAnotherCommunityReachNoAssetPage() throws Exception {
		UUID asset = register("DOOR", "东门门禁", null);
		UUID report = UUID.randomUUID();
		var otherStaff = Pages.signIn(this.mvc, "staff");
		var resident = Pages.signIn(this.mvc, "resident");
		for (String page : new String[] { this.assets, this.assets + "/" + asset, this.assets + "/reports",
				this.assets + "/" + asset + "/label" }) {
			this.mvc.perform(get(page).session(otherStaff.session())).andExpect(status().isForbidden());
			this.mvc.perform(get(page).session(resident.session())).andExpect(status().isForbidden());
		}
		for (String form : new String[] { this.assets + "/" + asset + "/status",
				this.assets + "/reports/" + report + "/handle" }) {
			this.mvc.perform(post(form).session(otherStaff.session()).with(csrf()).param("status", "FAULTY"))
				.andExpect(status().isForbidden());
			this.mvc.perform(post(form).session(resident.session()).with(csrf()).param("status", "FAULTY"))
				.andExpect(status().isForbidden());
		}
		assertThat(this.jdbc.sql("select status from registry.asset where id = :a").param("a", asset)
			.query(String.class).single()).isEqualTo("IN_SERVICE");
	}

	private UUID register(String type, String name, UUID buildingId) throws Exception {
		var request = post(this.assets).param("type", type).param("name", name);
		if (buildingId != null) {
			request.param("buildingId", buildingId.toString());
		}
		send(request, Role.PROPERTY_STAFF).andExpect(status().is3xxRedirection());
		return this.jdbc.sql("select id from registry.asset where community_id = :c and name = :n")
			.param("c", this.compound.id()).param("n", name).query(UUID.class).single();
	}

	private ResultActions send(MockHttpServletRequestBuilder request, Role role) throws Exception {
		return this.mvc.perform(request.with(this.compound.as(role)).with(csrf()));
	}

}
