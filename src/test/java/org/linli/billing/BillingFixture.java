package org.linli.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.registry.BillableRoom;
import org.linli.registry.CompoundPlan;
import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.CompoundPlan.OwnerPlan;
import org.linli.registry.CompoundPlan.OwnerType;
import org.linli.registry.CompoundPlan.PersonPlan;
import org.linli.registry.CompoundPlan.Relation;
import org.linli.registry.CompoundPlan.RoomPlan;
import org.linli.registry.RegistryApi;
import org.linli.support.Api;

/**
 * A small compound of its own for billing tests (the demo compound keeps its figures): one building, rooms
 * 101 (88.50 m2, moved in long ago), 102 (68.80 m2, moved in on the 16th of the test month), 103 (vacant), and two
 * resident accounts, one for 101 and one for 102. Also a staff account and a manager for the compound.
 */
record BillingFixture(UUID communityId, UUID room101, UUID room102, UUID room103, String resident101,
		String resident102, String staff, String manager) {

	static final String MONTH = "2025-03";

	static final LocalDate MOVED_IN_102 = LocalDate.of(2025, 3, 16);

	static BillingFixture create(RegistryApi registry, IdentityApi identity) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		List<RoomPlan> rooms = new ArrayList<>();
		rooms.add(room("101", "88.50", LocalDate.of(2010, 5, 1), person("a-" + suffix, "赵大", Relation.OWNER)));
		rooms.add(room("102", "68.80", MOVED_IN_102, person("b-" + suffix, "钱二", Relation.OWNER)));
		rooms.add(new RoomPlan("1", 1, "103", new BigDecimal("75.00"), AreaSource.REGISTERED, null, null, List.of(),
				new OwnerPlan(OwnerType.DEVELOPER, List.of(), LocalDate.of(2005, 10, 1))));
		var created = registry.createCompound(new CompoundPlan("bill-" + suffix, "账单测试小区" + suffix, "测试路1号",
				2005, List.of(new CompoundPlan.BuildingPlan("1号楼", false, rooms))));
		UUID cid = created.communityId();
		Map<String, UUID> byNumber = new java.util.HashMap<>();
		for (BillableRoom room : registry.billableRooms(cid)) {
			byNumber.put(room.number(), room.roomId());
		}
		String r1 = "r1-" + suffix;
		String r2 = "r2-" + suffix;
		String staff = "bs-" + suffix;
		String manager = "bm-" + suffix;
		identity.createAccount(new NewAccount(r1, Api.DEMO_PASSWORD, "赵大", Set.of(Role.RESIDENT), Set.of(cid),
				created.personIds().get("a-" + suffix), false, true));
		identity.createAccount(new NewAccount(r2, Api.DEMO_PASSWORD, "钱二", Set.of(Role.RESIDENT), Set.of(cid),
				created.personIds().get("b-" + suffix), false, true));
		identity.createAccount(new NewAccount(staff, Api.DEMO_PASSWORD, "收费员", Set.of(Role.PROPERTY_STAFF),
				Set.of(cid), null, false, true));
		identity.createAccount(new NewAccount(manager, Api.DEMO_PASSWORD, "物业经理", Set.of(Role.PROPERTY_MANAGER),
				Set.of(cid), null, false, true));
		return new BillingFixture(cid, byNumber.get("101"), byNumber.get("102"), byNumber.get("103"), r1, r2, staff,
				manager);
	}

	private static RoomPlan room(String number, String area, LocalDate movedIn, PersonPlan owner) {
		return new RoomPlan("1", 1, number, new BigDecimal(area), AreaSource.REGISTERED, null, movedIn, List.of(owner),
				new OwnerPlan(OwnerType.PERSON, List.of(owner.key()), movedIn));
	}

	private static PersonPlan person(String key, String name, Relation relation) {
		return new PersonPlan(key, name, 'M', LocalDate.of(1970, 1, 1), relation, null, null);
	}

}
