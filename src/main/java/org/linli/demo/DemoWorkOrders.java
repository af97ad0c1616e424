package org.linli.demo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.linli.identity.AccountRef;
import org.linli.identity.IdentityApi;
import org.linli.identity.Role;
import org.linli.registry.RegistryApi;
import org.linli.registry.RoomLabel;
import org.linli.workorder.WorkOrderApi;
import org.linli.workorder.WorkOrderApi.ExampleOrder;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo work orders for 幸福里小区: the default categories and the demo resident's orders in every state of the flow,
 * one of them past its 15-minute deadline (the escalation job picks it up). Once only: nothing is added when the
 * compound already has orders.
 */
@Component
@Order(40)
class DemoWorkOrders implements ApplicationRunner {

	private final DemoSeeding seeding;

	private final RegistryApi registry;

	private final IdentityApi identity;

	private final WorkOrderApi workOrders;

	DemoWorkOrders(DemoSeeding seeding, RegistryApi registry, IdentityApi identity, WorkOrderApi workOrders) {
		this.seeding = seeding;
		this.registry = registry;
		this.identity = identity;
		this.workOrders = workOrders;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		UUID community = this.seeding.demoCompound(20051040L).orElse(null);
		if (community == null) {
			return;
		}
		AccountRef resident = account(community, Role.RESIDENT, "resident");
		AccountRef tech = account(community, Role.TECHNICIAN, "tech");
		if (resident == null || tech == null || resident.personId() == null) {
			return;
		}
		List<RoomLabel> rooms = this.registry.roomsOf(resident.personId());
		UUID room = rooms.isEmpty() ? null : rooms.getFirst().id();
		UUID person = resident.personId();
		this.workOrders.seedExamples(community, List.of(
				new ExampleOrder("PLUMBING", "NORMAL", room, person, "厨房水槽下水管漏水，地面有积水", Duration.ofMinutes(40),
						"SUBMITTED", null, null, null),
				new ExampleOrder("ELECTRICAL", "URGENT", room, person, "卫生间灯不亮，开关有焦味", Duration.ofMinutes(30),
						"ASSIGNED", tech.id(), tech.displayName(), null),
				new ExampleOrder("DOOR_LOCK", "NORMAL", room, person, "入户门锁芯卡涩，钥匙难以转动", Duration.ofHours(2),
						"IN_PROGRESS", tech.id(), tech.displayName(), null),
				new ExampleOrder("NOISE", "NORMAL", room, person, "楼上夜间十一点后仍有装修噪音", Duration.ofHours(1),
						"ACKNOWLEDGED", null, null, null),
				new ExampleOrder("PLUMBING", "NORMAL", room, person, "阳台水龙头关不紧，一直滴水", Duration.ofDays(1),
						"RESOLVED", tech.id(), tech.displayName(), null),
				new ExampleOrder("ELECTRICAL", "NORMAL", room, person, "客厅插座松动", Duration.ofDays(3), "CLOSED",
						tech.id(), tech.displayName(), 5)));
	}

	private AccountRef account(UUID community, Role role, String username) {
		return this.identity.accountsInCommunity(community, List.of(role)).stream()
			.filter(a -> a.username().equals(username)).findFirst().orElse(null);
	}

}
