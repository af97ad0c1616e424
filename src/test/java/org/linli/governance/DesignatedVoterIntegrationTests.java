package org.linli.governance;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing the designated voter of a co-owned entry (B and C co-own room 201; B, the earliest, is designated at the
 * freeze): staff change it to C on the co-owners' written designation with a reason, audited; the online ballot then
 * takes only C; a non-co-owner, a missing designation, a resident and a change after a ballot are refused.
 */
@LinliIntegrationTest
class DesignatedVoterIntegrationTests {

	private static final MockMultipartFile DESIGNATION = new MockMultipartFile("designation", "tuixuan.pdf",
			"application/pdf", "%PDF-1.4 共有人书面推选".getBytes(java.nio.charset.StandardCharsets.UTF_8));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	IdentityApi identity;

	Compound compound;

	String committee;

	String staffName;

	String staff;

	@BeforeEach
	void setUp() throws Exception {
		this.compound = Compound.create(this.registry, this.identity);
		this.committee = Api.token(this.mvc,
				this.compound.account(this.identity, "committee", Role.COMMITTEE_MEMBER, null));
		this.staffName = this.compound.account(this.identity, "staff", Role.PROPERTY_STAFF, null);
		this.staff = Api.token(this.mvc, this.staffName);
	}

	@Test
	void staffChangeTheDesigneeOnTheWrittenDesignationAndOnlyTheNewOneVotesOnline() throws Exception {
		String ownerB = Api.token(this.mvc, this.compound.account(this.identity, "owner-b", Role.RESIDENT, "b"));
		String ownerC = Api.token(this.mvc, this.compound.account(this.identity, "owner-c", Role.RESIDENT, "c"));
		String vid = openVote();
		String entry = voterOf(vid, "b");
		String c = this.compound.person("c").toString();

		// refused: a person who is not a co-owner of this entry, no written designation, no reason, a resident
		designate(this.staff, vid, entry, this.compound.person("e").toString(), "换人", DESIGNATION)
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("personId"));
		designate(this.staff, vid, entry, c, "换人", null).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("designation"));
		designate(this.staff, vid, entry, c, " ", DESIGNATION).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		designate(this.staff, vid, voterOf(vid, "developer"), c, "换人", DESIGNATION)
			.andExpect(status().isBadRequest());
		designate(ownerB, vid, entry, c, "换人", DESIGNATION).andExpect(status().isForbidden());
		designate(this.staff, vid, entry, this.compound.person("b").toString(), "同一人", DESIGNATION)
			.andExpect(status().isConflict());
		assertThat(designee(vid, entry)).isEqualTo(this.compound.person("b"));

		designate(this.staff, vid, entry, c, "王乙二长期在外地，共有人书面推选李丙三投票", DESIGNATION)
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.toPersonId").value(c))
			.andExpect(jsonPath("$.fromPersonId").value(this.compound.person("b").toString()))
			.andExpect(jsonPath("$.toName").value("李丙三"));
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll/{voter}/designations", vid, entry), this.committee))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(1))
			.andExpect(jsonPath("$[0].reason").value("王乙二长期在外地，共有人书面推选李丙三投票"))
			.andExpect(jsonPath("$[0].changedBy").value(this.staffName));
		this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll/{voter}/designations", vid, entry), ownerC))
			.andExpect(status().isForbidden());
		assertThat(this.jdbc.sql("select count(*) from audit.audit_event where action = 'CHANGE designated voter' "
				+ "and account = :a and object = :o")
			.param("a", this.staffName)
			.param("o", "vote " + vid + " voter " + entry)
			.query(Long.class)
			.single()).isEqualTo(1);

		// the old designee is refused online, the new one votes; after that the designee stays
		post(ownerB, "/api/v1/votes/{vid}/ballots", Map.of("choice", "APPROVE"), vid).andExpect(status().isForbidden());
		post(ownerC, "/api/v1/votes/{vid}/ballots", Map.of("choice", "REJECT"), vid).andExpect(status().isCreated());
		designate(this.staff, vid, entry, this.compound.person("b").toString(), "又改回", DESIGNATION)
			.andExpect(status().isConflict());
		assertThat(designee(vid, entry)).isEqualTo(this.compound.person("c"));

		// the roll is evidence: nothing else of an entry changes while open, nothing at all after the close
		assertThatThrownBy(() -> this.jdbc.sql("update governance.voter set area = area + 1 where id = :v::uuid")
			.param("v", entry).update()).hasMessageContaining("only the designated voter");
		this.mvc.perform(bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/v1/votes/{vid}/close", vid), this.committee)).andExpect(status().isOk());
		assertThatThrownBy(() -> this.jdbc.sql("update governance.voter set designated_person_id = :p where id = :v::uuid")
			.param("p", this.compound.person("b")).param("v", entry).update()).hasMessageContaining("closed");
		designate(this.staff, vid, entry, this.compound.person("b").toString(), "关闭后", DESIGNATION)
			.andExpect(status().isConflict());
	}

	@Test
	void aPendingStaffBallotBlocksTheChangeAndARefusedOneDoesNot() throws Exception {
		String manager = Api.token(this.mvc, this.compound.account(this.identity, "manager", Role.PROPERTY_MANAGER, null));
		String vid = openVote();
		String entry = voterOf(vid, "b");
		String paper = Api.body(post(this.staff, "/api/v1/votes/{vid}/paper-ballots",
				Map.of("voterId", entry, "choice", "APPROVE"), vid).andExpect(status().isCreated()).andReturn())
			.get("id").asString();
		designate(this.staff, vid, entry, this.compound.person("c").toString(), "推选变更", DESIGNATION)
			.andExpect(status().isConflict());
		post(manager, "/api/v1/votes/{vid}/paper-ballots/{id}/refuse", null, vid, paper).andExpect(status().isOk());
		designate(this.staff, vid, entry, this.compound.person("c").toString(), "推选变更", DESIGNATION)
			.andExpect(status().isOk());
	}

	@Test
	void thePagesShowAndChangeTheDesignee() throws Exception {
		MockHttpSession staffPages = Pages.signIn(this.mvc, this.staffName).session();
		MockHttpSession ownerC = Pages.signIn(this.mvc,
				this.compound.account(this.identity, "owner-c", Role.RESIDENT, "c")).session();
		String vid = openVote();
		String entry = voterOf(vid, "b");
		String base = "/console/communities/" + this.compound.id() + "/votes/" + vid + "/roll";

		this.mvc.perform(get("/app/votes/{vid}", vid).session(ownerC))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"my-designee\"")))
			.andExpect(content().string(containsString("王乙二")))
			.andExpect(content().string(not(containsString("id=\"my-designation\""))));
		this.mvc.perform(get(base + "/{voter}", entry).session(staffPages))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"change-designee\"")))
			.andExpect(content().string(containsString("李丙三")));
		// without the written designation the page answers with the translated error and changes nothing
		this.mvc.perform(multipart(base + "/{voter}/designee", entry).session(staffPages).with(csrf())
			.param("personId", this.compound.person("c").toString()).param("reason", "书面推选"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("fieldErrors"));
		assertThat(designee(vid, entry)).isEqualTo(this.compound.person("b"));
		this.mvc.perform(multipart(base + "/{voter}/designee", entry).file(DESIGNATION).session(staffPages).with(csrf())
			.param("personId", this.compound.person("c").toString()).param("reason", "共有人书面推选李丙三"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("done", "governance.designee.changed"));
		assertThat(designee(vid, entry)).isEqualTo(this.compound.person("c"));

		this.mvc.perform(get(base).session(staffPages))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("designee-changed")))
			.andExpect(content().string(containsString("共有人书面推选李丙三")));
		String page = this.mvc.perform(get(base + "/{voter}", entry).session(staffPages))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("共有人书面推选李丙三")))
			.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		String link = page.replaceAll("(?s).*href=\"([^\"]*/designations/[^\"]*/attachment)\".*", "$1");
		this.mvc.perform(get(link).session(staffPages))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"));
		this.mvc.perform(get("/app/votes/{vid}", vid).session(ownerC))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"my-designation\"")))
			.andExpect(content().string(containsString("id=\"ballot-form\"")));
		// a resident cannot use the staff page
		this.mvc.perform(get(base + "/{voter}", entry).session(ownerC)).andExpect(status().isForbidden());
	}

	private java.util.UUID designee(String vid, String voterId) {
		return this.jdbc.sql("select designated_person_id from governance.voter where vote_id = :v::uuid and id = :id::uuid")
			.param("v", vid).param("id", voterId).query(java.util.UUID.class).single();
	}

	private String openVote() throws Exception {
		String vid = Api.body(post(this.committee, "/api/v1/communities/{cid}/votes",
				Map.of("title", "推选投票人", "matter", "OTHER", "closesAt",
						OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(7).withNano(0).toString()),
				this.compound.id())
			.andExpect(status().isCreated()).andReturn()).get("id").asString();
		post(this.committee, "/api/v1/votes/{vid}/open", null, vid).andExpect(status().isOk());
		return vid;
	}

	/** The roll entry of a person of the compound ("developer" for the developer's entry). */
	private String voterOf(String vid, String key) throws Exception {
		JsonNode roll = Api.body(this.mvc.perform(bearer(get("/api/v1/votes/{vid}/roll", vid), this.committee))
			.andExpect(status().isOk()).andReturn());
		for (JsonNode entry : roll) {
			if (entry.get("personIds").isEmpty()) {
				if (key.equals("developer")) {
					return entry.get("voterId").asString();
				}
				continue;
			}
			for (JsonNode person : entry.get("personIds")) {
				if (!key.equals("developer") && person.asString().equals(this.compound.person(key).toString())) {
					return entry.get("voterId").asString();
				}
			}
		}
		throw new AssertionError("no entry for " + key);
	}

	private ResultActions designate(String token, String vid, String voterId, String personId, String reason,
			MockMultipartFile file) throws Exception {
		var request = multipart("/api/v1/votes/{vid}/roll/{voter}/designee", vid, voterId);
		if (file != null) {
			request.file(file);
		}
		return this.mvc.perform(bearer(request, token).param("personId", personId).param("reason", reason));
	}

	private ResultActions post(String token, String path, Object body, Object... vars) throws Exception {
		var request = bearer(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path, vars), token);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(Api.json(body));
		}
		return this.mvc.perform(request);
	}

}
