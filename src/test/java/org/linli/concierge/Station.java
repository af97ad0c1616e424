package org.linli.concierge;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.registry.CompoundPlan;
import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.CompoundPlan.OwnerPlan;
import org.linli.registry.CompoundPlan.OwnerType;
import org.linli.registry.CompoundPlan.PersonPlan;
import org.linli.registry.CompoundPlan.Relation;
import org.linli.registry.CompoundPlan.RoomPlan;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;

import org.springframework.test.web.servlet.MockMvc;

/**
 * A small compound of a test's own (so the demo compound keeps its figures): building 1号楼 with three rooms.
 * Room 1-101: 王奶奶 (born 1938) and her son 王建国 (1975, account {@code a-<code>}); room 1-102: 李大爷 (1955) and
 * 李明 (1985, account {@code b-<code>}); room 1-201: 赵小军 (1990), nobody over 60. Staff account {@code s-<code>},
 * manager {@code m-<code>}; every password {@value Api#DEMO_PASSWORD}, demo accounts (no second factor).
 */
record Station(UUID id, String code, Map<String, UUID> persons, String staff, String manager, String residentA,
		String residentB, String residentC) {

	static Station create(RegistryApi registry, IdentityApi identity, MockMvc mvc, String prefix) throws Exception {
		String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate since = LocalDate.of(2010, 1, 1);
		List<RoomPlan> rooms = List.of(
				room("101", List.of(person("wang-elder", "王奶奶", 'F', 1938, Relation.OWNER),
						person("wang-son", "王建国", 'M', 1975, Relation.FAMILY)), "wang-elder"),
				room("102", List.of(person("li-elder", "李大爷", 'M', 1955, Relation.OWNER),
						person("li-son", "李明", 'M', 1985, Relation.FAMILY)), "li-elder"),
				room("201", List.of(person("zhao", "赵小军", 'M', 1990, Relation.OWNER)), "zhao"));
		var created = registry.createCompound(new CompoundPlan(code, "测试便民小区" + code, "测试路1号", 2008,
				List.of(new CompoundPlan.BuildingPlan("1号楼", false, rooms))));
		UUID cid = created.communityId();
		Station station = new Station(cid, code, created.personIds(), "s-" + code, "m-" + code, "a-" + code,
				"b-" + code, "c-" + code);
		account(identity, station.staff(), Role.PROPERTY_STAFF, cid, null);
		account(identity, station.manager(), Role.PROPERTY_MANAGER, cid, null);
		account(identity, station.residentA(), Role.RESIDENT, cid, created.personIds().get("wang-son"));
		account(identity, station.residentB(), Role.RESIDENT, cid, created.personIds().get("li-son"));
		account(identity, station.residentC(), Role.RESIDENT, cid, created.personIds().get("zhao"));
		return station;
	}

	String token(MockMvc mvc, String username) throws Exception {
		return Api.token(mvc, username);
	}

	UUID person(String key) {
		return this.persons.get(key);
	}

	private static RoomPlan room(String number, List<PersonPlan> household, String owner) {
		return new RoomPlan("1", Integer.parseInt(number.substring(0, 1)), number, new BigDecimal("80.00"),
				AreaSource.REGISTERED, new BigDecimal("80.00"), LocalDate.of(2010, 1, 1), household,
				new OwnerPlan(OwnerType.PERSON, List.of(owner), LocalDate.of(2010, 1, 1)));
	}

	private static PersonPlan person(String key, String name, char gender, int birthYear, Relation relation) {
		return new PersonPlan(key, name, gender, LocalDate.of(birthYear, 5, 1), relation, null, null);
	}

	private static void account(IdentityApi identity, String username, Role role, UUID cid, UUID personId) {
		identity.createAccount(new NewAccount(username, Api.DEMO_PASSWORD, "测试 " + username,
				EnumSet.of(role), Set.of(cid), personId, false, true));
	}

}
