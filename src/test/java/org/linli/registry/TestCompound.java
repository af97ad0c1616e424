package org.linli.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.CurrentUser;
import org.linli.identity.Role;
import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.CompoundPlan.BuildingPlan;
import org.linli.registry.CompoundPlan.OwnerPlan;
import org.linli.registry.CompoundPlan.OwnerType;
import org.linli.registry.CompoundPlan.PersonPlan;
import org.linli.registry.CompoundPlan.Relation;
import org.linli.registry.CompoundPlan.RoomPlan;
import org.linli.support.IdNumbers;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A small compound of a test's own, so that the demo compound's figures never change: building 1 with room 101
 * (owner 张测一 and his family member 李测二) and room 102 (a tenant, developer-owned), and signed-in users of each
 * role scoped to it (built directly, as the page filters see them after sign-in).
 */
record TestCompound(UUID id, UUID room101, UUID room102, UUID owner, UUID family, UUID tenant) {

	static final String OWNER_PHONE = "13900000001";

	static final String OWNER_ID = IdNumbers.valid("110105", "19500101", 101);

	static TestCompound create(RegistryApi registry, JdbcClient jdbc) {
		String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
		LocalDate since = LocalDate.of(2010, 1, 1);
		var plan = new CompoundPlan(code, "测试小区" + code, "测试路1号", 2010, List.of(new BuildingPlan("1号楼", false,
				List.of(new RoomPlan("1", 1, "101", new BigDecimal("88.50"), AreaSource.REGISTERED, null, since,
						List.of(new PersonPlan("owner", "张测一", 'M', LocalDate.of(1950, 1, 1), Relation.OWNER,
								OWNER_ID, OWNER_PHONE),
								new PersonPlan("family", "李测二", 'F', LocalDate.of(1952, 3, 4), Relation.FAMILY,
										IdNumbers.valid("110105", "19520304", 102), "13900000002")),
						new OwnerPlan(OwnerType.PERSON, List.of("owner"), since)),
						new RoomPlan("1", 1, "102", new BigDecimal("66.00"), AreaSource.SURVEYED, null, since,
								List.of(new PersonPlan("tenant", "王测三", 'M', LocalDate.of(1990, 5, 6),
										Relation.TENANT, IdNumbers.valid("110105", "19900506", 103), "13900000003")),
								new OwnerPlan(OwnerType.DEVELOPER, List.of(), since))))));
		var created = registry.createCompound(plan);
		UUID community = created.communityId();
		return new TestCompound(community, room(jdbc, community, "101"), room(jdbc, community, "102"),
				created.personIds().get("owner"), created.personIds().get("family"), created.personIds().get("tenant"));
	}

	private static UUID room(JdbcClient jdbc, UUID community, String number) {
		return jdbc.sql("select id from registry.room where community_id = :c and number = :n").param("c", community)
			.param("n", number).query(UUID.class).single();
	}

	/** A signed-in account with one role, serving this compound only. */
	RequestPostProcessor as(Role role) {
		return as(role, this.id);
	}

	static RequestPostProcessor as(Role role, UUID community) {
		String username = role.name().toLowerCase(java.util.Locale.ROOT) + "-" + community.toString().substring(0, 8);
		return user(new CurrentUser(UUID.randomUUID(), username, "", "测试" + role.name(), Set.of(role),
				Set.of(community), null, true, false));
	}

}
