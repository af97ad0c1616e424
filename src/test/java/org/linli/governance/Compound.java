package org.linli.governance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.linli.registry.CompoundPlan.BuildingPlan;
import org.linli.registry.CompoundPlan.OwnerPlan;
import org.linli.registry.CompoundPlan.OwnerType;
import org.linli.registry.CompoundPlan.PersonPlan;
import org.linli.registry.CompoundPlan.Relation;
import org.linli.registry.CompoundPlan.RoomPlan;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;

/**
 * A small compound of its own for governance tests (the demo compound keeps its figures), with the headcount cases of
 * DOMAIN.md §3: owner A holds two rooms (150 m2), B and C co-own one (80 m2, B designated), D owns one and lets it to
 * tenant T (70 m2), E owns one (100 m2), two developer-held rooms and one room with no owner recorded (100 m2
 * together). Five owners on the roll, 500.00 m2.
 */
record Compound(UUID id, String code, Map<String, UUID> persons, String suffix) {

	static Compound create(RegistryApi registry, IdentityApi identity) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String code = "gov-" + suffix;
		LocalDate since = LocalDate.of(2020, 1, 1);
		List<RoomPlan> rooms = new ArrayList<>();
		rooms.add(room("101", "100.00", AreaSource.REGISTERED, List.of(person("a", "张甲一", Relation.OWNER)),
				new OwnerPlan(OwnerType.PERSON, List.of("a"), since)));
		rooms.add(room("102", "50.00", AreaSource.SURVEYED, List.of(), new OwnerPlan(OwnerType.PERSON, List.of("a"), since)));
		rooms.add(room("201", "80.00", AreaSource.CONTRACT,
				List.of(person("b", "王乙二", Relation.OWNER), person("c", "李丙三", Relation.CO_OWNER)),
				new OwnerPlan(OwnerType.PERSON, List.of("b", "c"), since)));
		rooms.add(room("202", "70.00", AreaSource.REGISTERED, List.of(person("t", "赵租客", Relation.TENANT)),
				new OwnerPlan(OwnerType.PERSON, List.of("d"), since)));
		rooms.add(room("301", "100.00", AreaSource.REGISTERED,
				List.of(person("e", "钱戊五", Relation.OWNER), person("d", "孙丁四", Relation.FAMILY)),
				new OwnerPlan(OwnerType.PERSON, List.of("e"), since)));
		rooms.add(room("302", "30.00", AreaSource.REGISTERED, List.of(), new OwnerPlan(OwnerType.DEVELOPER, List.of(), since)));
		rooms.add(room("401", "30.00", AreaSource.REGISTERED, List.of(), new OwnerPlan(OwnerType.DEVELOPER, List.of(), since)));
		rooms.add(room("402", "40.00", AreaSource.SURVEYED, List.of(), null));
		var created = registry.createCompound(new CompoundPlan(code, "议事小区" + suffix, "测试路 1 号", 2010,
				List.of(new BuildingPlan("1号楼", false, rooms))));
		return new Compound(created.communityId(), code, created.personIds(), suffix);
	}

	/** An account of this compound; with a person key it is that person's resident account. */
	String account(IdentityApi identity, String name, Role role, String personKey) {
		String username = name + "-" + this.suffix;
		identity.createAccount(new NewAccount(username, Api.DEMO_PASSWORD, name, EnumSet.of(role), Set.of(this.id),
				personKey == null ? null : this.persons.get(personKey), false, true));
		return username;
	}

	UUID person(String key) {
		return this.persons.get(key);
	}

	private static RoomPlan room(String number, String area, AreaSource source, List<PersonPlan> household,
			OwnerPlan owner) {
		return new RoomPlan("1", number.charAt(0) - '0', number, new BigDecimal(area), source, new BigDecimal(area),
				LocalDate.of(2020, 1, 1), household, owner);
	}

	private static PersonPlan person(String key, String name, Relation relation) {
		return new PersonPlan(key, name, 'M', LocalDate.of(1970, 1, 1), relation, null, null);
	}

}
