package org.linli.workorder;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.support.Api;
import org.linli.support.IdNumbers;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A compound of its own for each test: one building, two rooms with one resident each, and accounts for both
 * residents, the desk (staff), the manager and two technicians. Usernames carry a random prefix.
 */
final class WorkOrderFixture {

	static final String PASSWORD = "Wo#rk2026order";

	final MockMvc mvc;

	final String prefix = "wo" + UUID.randomUUID().toString().substring(0, 6);

	String cid;

	String roomA;

	String roomB;

	UUID personA;

	UUID personB;

	UUID tech1;

	UUID tech2;

	private final Map<String, String> tokens = new java.util.HashMap<>();

	WorkOrderFixture(MockMvc mvc, IdentityApi identity) throws Exception {
		this.mvc = mvc;
		String admin = Api.token(mvc, "admin");
		this.cid = Api.body(mvc.perform(bearer(post("/api/v1/communities"), admin).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("code", this.prefix, "name", "工单小区 " + this.prefix, "address", "测试路 1 号"))))
			.andReturn()).get("id").asString();
		String building = created(admin, "/api/v1/communities/{cid}/buildings", Map.of("name", "1号楼"));
		this.roomA = created(admin, "/api/v1/communities/{cid}/rooms", Map.of("buildingId", building, "unit", "1",
				"floor", 1, "number", "101", "exclusiveArea", "80.00", "areaSource", "REGISTERED"));
		this.roomB = created(admin, "/api/v1/communities/{cid}/rooms", Map.of("buildingId", building, "unit", "1",
				"floor", 1, "number", "102", "exclusiveArea", "90.00", "areaSource", "REGISTERED"));
		this.personA = UUID.fromString(created(admin, "/api/v1/communities/{cid}/persons", Map.of("name", "甲住户",
				"idNumber", IdNumbers.valid("110105", "19800101", 11), "phone", "13800000001")));
		this.personB = UUID.fromString(created(admin, "/api/v1/communities/{cid}/persons", Map.of("name", "乙住户",
				"idNumber", IdNumbers.valid("110105", "19820202", 12), "phone", "13800000002")));
		moveIn(admin, this.personA, this.roomA);
		moveIn(admin, this.personB, this.roomB);
		UUID community = UUID.fromString(this.cid);
		account(identity, "resa", Role.RESIDENT, community, this.personA);
		account(identity, "resb", Role.RESIDENT, community, this.personB);
		account(identity, "desk", Role.PROPERTY_STAFF, community, null);
		account(identity, "boss", Role.PROPERTY_MANAGER, community, null);
		account(identity, "committee", Role.COMMITTEE_MEMBER, community, null);
		this.tech1 = account(identity, "tech1", Role.TECHNICIAN, community, null);
		this.tech2 = account(identity, "tech2", Role.TECHNICIAN, community, null);
	}

	String user(String name) {
		return this.prefix + name;
	}

	/** A bearer token for one of the fixture's accounts ("resa", "desk", "tech1", ...). */
	String token(String name) throws Exception {
		String token = this.tokens.get(name);
		if (token == null) {
			token = Api.token(this.mvc, user(name), PASSWORD);
			this.tokens.put(name, token);
		}
		return token;
	}

	private UUID account(IdentityApi identity, String name, Role role, UUID community, UUID person) {
		return identity.createAccount(new NewAccount(user(name), PASSWORD, name + " " + role, EnumSet.of(role),
				Set.of(community), person, false, true));
	}

	private String created(String token, String path, Map<String, ?> body) throws Exception {
		return Api.body(this.mvc.perform(bearer(post(path, this.cid), token).contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(body))).andReturn()).get("id").asString();
	}

	private void moveIn(String token, UUID person, String room) throws Exception {
		this.mvc.perform(bearer(post("/api/v1/communities/{cid}/persons/{id}/move-in", this.cid, person), token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("roomId", room, "relation", "OWNER", "since", "2020-01-01"))));
	}

}
