package org.linli.renovation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.registry.CompoundPlan;
import org.linli.registry.RegistryApi;
import org.linli.shared.web.DomainException;
import org.linli.support.Api;
import org.linli.support.LinliIntegrationTest;
import org.linli.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.linli.support.Api.bearer;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Resident supervisors: appointed from the compound's residents within the quota; their objections must be answered. */
@LinliIntegrationTest
class SupervisionIntegrationTests {

	static final String PASSWORD = "Sup#Test2026";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RegistryApi registry;

	@Autowired
	RenovationApi renovation;

	@Autowired
	IdentityApi identity;

	private Actor pm() {
		return new Actor(this.identity.accountId("pm").orElseThrow(), "pm", Set.of(Role.PROJECT_MANAGER));
	}

	private String residentAccount(UUID communityId, UUID personId) {
		String username = "sup-" + UUID.randomUUID().toString().substring(0, 8);
		this.identity.createAccount(new NewAccount(username, PASSWORD, "监督员 " + username, Set.of(Role.RESIDENT),
				Set.of(communityId), personId, false, true));
		return username;
	}

	private UUID project(UUID communityId, String name) {
		return this.renovation.createProject(communityId, new ProjectPlan(name, LocalDate.of(2026, 1, 1),
				List.of(new ProjectPlan.Line("PIPES", "供水管网更换", 1, 1_000_000L)),
				List.of(new ProjectPlan.Source(FundingKind.GOVERNMENT, 1_000_000L))), pm());
	}

	private CompoundPlan.RoomPlan room(String number, String personKey) {
		var person = new CompoundPlan.PersonPlan(personKey, "住户" + number, 'F', LocalDate.of(1965, 5, 5),
				CompoundPlan.Relation.OWNER, null, null);
		return new CompoundPlan.RoomPlan("1", 1, number, new BigDecimal("70.00"), CompoundPlan.AreaSource.REGISTERED,
				new BigDecimal("70.00"), LocalDate.of(2010, 1, 1), List.of(person),
				new CompoundPlan.OwnerPlan(CompoundPlan.OwnerType.PERSON, List.of(personKey), LocalDate.of(2010, 1, 1)));
	}

	@Test
	void onePerFiftyHouseholdsAndOnlyResidentsOfTheCompound() {
		String code = "sup" + UUID.randomUUID().toString().substring(0, 8);
		RegistryApi.CreatedCompound compound = this.registry.createCompound(new CompoundPlan(code, "监督测试小区",
				"测试路2号", 2001, List.of(new CompoundPlan.BuildingPlan("1号楼", false,
						List.of(room("101", "a"), room("102", "b"))))));
		UUID project = project(compound.communityId(), "监督名额测试");
		String first = residentAccount(compound.communityId(), compound.personIds().get("a"));
		String second = residentAccount(compound.communityId(), compound.personIds().get("b"));
		assertThatThrownBy(() -> this.renovation.appointSupervisor(project, "resident", pm()))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.violations().getFirst().code()).isEqualTo("renovation.supervisor.notResident"));
		this.renovation.appointSupervisor(project, first, pm());
		assertThat(this.renovation.supervision(project).allowed()).isEqualTo(1);
		assertThatThrownBy(() -> this.renovation.appointSupervisor(project, second, pm()))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.violations().getFirst().code()).isEqualTo("renovation.supervisor.quota"));
		assertThat(this.renovation.supervision(project).supervisors()).extracting(Views.Supervisor::username)
			.containsExactly(first);
	}

	@Test
	void aSupervisorSeesTheProjectFilesObjectionsAndTheProjectManagerMustAnswer() throws Exception {
		UUID xingfuli = this.jdbc.sql("select id from registry.community where code = 'xingfuli'").query(UUID.class)
			.single();
		UUID project = project(xingfuli, "监督流程测试");
		UUID person = this.jdbc.sql("""
				select p.id from registry.person p join registry.household h on h.id = p.household_id
				where h.community_id = :c and not exists (select 1 from identity.account a where a.person_id = p.id)
				order by p.id limit 1""").param("c", xingfuli).query(UUID.class).single();
		String supervisor = residentAccount(xingfuli, person);
		String pm = Api.token(this.mvc, "pm");
		this.mvc.perform(bearer(post("/api/v1/renovation-projects/{p}/supervisors", project), pm)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("username", "engineer"))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("username"));
		this.mvc.perform(bearer(post("/api/v1/renovation-projects/{p}/supervisors", project), pm)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("username", supervisor))))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.allowed").value(30))
			.andExpect(jsonPath("$.supervisors[0].username").value(supervisor));

		// the supervisor sees everything in the resident app and files an objection
		MockHttpSession session = Pages.signIn(this.mvc, supervisor, PASSWORD).session();
		this.mvc.perform(get("/app/renovation").session(session)).andExpect(status().is3xxRedirection());
		assertThat(this.mvc.perform(get("/app/renovation/projects/{p}", project).session(session))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
			.contains("监督流程测试").contains("供水管网更换").contains("10,000.00");
		MvcResult empty = this.mvc.perform(post("/app/renovation/projects/{p}/objections", project).session(session)
			.with(csrf()).param("text", " ")).andReturn();
		assertThat(this.mvc.perform(get("/app/renovation/projects/{p}", project).session(session)
			.flashAttrs(empty.getFlashMap())).andReturn().getResponse().getContentAsString()).contains("请填写异议内容");
		this.mvc.perform(post("/app/renovation/projects/{p}/objections", project).session(session).with(csrf())
			.param("text", "管材品牌与合同不符")).andExpect(status().is3xxRedirection());
		String token = Api.token(this.mvc, supervisor, PASSWORD);
		this.mvc.perform(bearer(get("/api/v1/renovation-projects/{p}/supervised-view", project), token))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value("监督流程测试"));

		// a resident who supervises nothing is refused, by page and API
		MockHttpSession resident = Pages.signIn(this.mvc, "resident").session();
		this.mvc.perform(get("/app/renovation").session(resident)).andExpect(status().isForbidden());
		this.mvc.perform(get("/app/renovation/projects/{p}", project).session(resident))
			.andExpect(status().isForbidden());
		String residentToken = Api.token(this.mvc, "resident");
		this.mvc.perform(bearer(post("/api/v1/renovation-projects/{p}/objections", project), residentToken)
			.contentType(MediaType.APPLICATION_JSON).content(Api.json(Map.of("text", "x"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(bearer(get("/api/v1/renovation-projects/{p}/supervision", project), residentToken))
			.andExpect(status().isForbidden());

		// unanswered past the answer period: overdue, on the API and the workbench
		UUID objection = this.jdbc.sql("select id from renovation.objection where project_id = :p")
			.param("p", project).query(UUID.class).single();
		this.jdbc.sql("update renovation.objection set filed_at = filed_at - interval '8 days' where id = :o")
			.param("o", objection).update();
		this.mvc.perform(bearer(get("/api/v1/renovation-projects/{p}/supervision", project), pm))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.objections[0].overdue").value(true))
			.andExpect(jsonPath("$.objections[0].filedBy").value(supervisor));
		MockHttpSession pmSession = Pages.signIn(this.mvc, "pm").session();
		assertThat(this.mvc.perform(get("/console/renovation/projects/{p}", project).session(pmSession)).andReturn()
			.getResponse().getContentAsString()).contains("管材品牌与合同不符").contains("1条已逾期");

		// the project manager answers once; the supervisor reads the answer
		String answerPath = "/console/renovation/projects/{p}/objections/{o}/answer";
		this.mvc.perform(post(answerPath, project, objection).session(pmSession).with(csrf())
			.param("answer", "已核实，更换为合同约定品牌")).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/console/renovation/projects/{p}", project).session(pmSession)) // shows "saved"
			.andExpect(status().isOk());
		MvcResult again = this.mvc.perform(post(answerPath, project, objection).session(pmSession).with(csrf())
			.param("answer", "再次答复")).andReturn();
		assertThat(this.mvc.perform(get("/console/renovation/projects/{p}", project).session(pmSession)
			.flashAttrs(again.getFlashMap())).andReturn().getResponse().getContentAsString()).contains("该异议已答复");
		assertThat(this.mvc.perform(get("/app/renovation/projects/{p}", project).session(session)).andReturn()
			.getResponse().getContentAsString()).contains("已核实，更换为合同约定品牌").contains("异议：0条待答复，0条已逾期");
	}

}
