package org.linli.concierge;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The station in the demo compound: menu entries for property staff only, every page renders, elderly mode. */
@LinliIntegrationTest
class StationPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void propertyStaffReachEveryStationPageThroughTheMenu() throws Exception {
		String xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		var staff = Pages.signIn(this.mvc, "staff");
		this.mvc.perform(get("/console").session(staff.session()))
			.andExpect(content().string(containsString("/console/concierge/parcels")));
		this.mvc.perform(get("/console/concierge/parcels").session(staff.session()))
			.andExpect(redirectedUrl("/console/communities/" + xingfuli + "/concierge/parcels"));
		for (String section : new String[] { "parcels", "bookings", "meals", "meals/kitchen", "catalogue" }) {
			this.mvc.perform(get("/console/communities/{cid}/concierge/" + section, xingfuli).session(staff.session()))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/console/communities/{cid}/concierge/bookings", xingfuli).session(staff.session()))
			.andExpect(content().string(containsString("家政保洁")));
		this.mvc.perform(get("/console/communities/{cid}/concierge/meals", xingfuli).session(staff.session()))
			.andExpect(content().string(containsString("清蒸鲈鱼")));
		// settings are the manager's
		this.mvc.perform(get("/console/communities/{cid}/concierge/settings", xingfuli).session(staff.session()))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/console/communities/{cid}/concierge/settings", xingfuli)
			.session(Pages.signIn(this.mvc, "manager").session())).andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"200\"")));
		// the committee neither sees the menu item nor the counter
		var committee = Pages.signIn(this.mvc, "committee");
		this.mvc.perform(get("/console").session(committee.session()))
			.andExpect(content().string(not(containsString("/console/concierge/parcels"))));
		this.mvc.perform(get("/console/communities/{cid}/concierge/parcels", xingfuli).session(committee.session()))
			.andExpect(status().isForbidden());
	}

	@Autowired
	org.linli.registry.RegistryApi registry;

	@Autowired
	org.linli.identity.IdentityApi identity;

	@Test
	void residentPagesWorkInElderlyMode() throws Exception {
		// a resident of a compound of its own: the preference stays on that account and disturbs no other test
		Station station = Station.create(this.registry, this.identity, this.mvc, "elderly");
		var resident = Pages.signIn(this.mvc, station.residentA());
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/preferences/elderly")
			.session(resident.session()).with(org.springframework.security.test.web.servlet.request
				.SecurityMockMvcRequestPostProcessors.csrf())
			.param("on", "true"));
		for (String page : new String[] { "/app/services", "/app/parcels", "/app/meals" }) {
			this.mvc.perform(get(page).session(resident.session())).andExpect(status().isOk())
				.andExpect(content().string(containsString("elderly app")));
		}
		this.mvc.perform(get("/app/meals").session(resident.session()))
			.andExpect(content().string(containsString("app-menu")));
	}

	@Test
	void theDemoResidentSeesTheDemoBooking() throws Exception {
		this.mvc.perform(get("/app/services").session(Pages.signIn(this.mvc, "resident").session()))
			.andExpect(content().string(containsString("my-bookings")))
			.andExpect(content().string(containsString("家政保洁")));
	}

}
