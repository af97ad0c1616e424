package org.linli.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.linli.concierge.ConciergeApi;
import org.linli.registry.CompoundPlan;
import org.linli.registry.Occupant;
import org.linli.registry.RegistryApi;
import org.linli.registry.RoomRef;
import org.linli.shared.DemoMode;
import org.linli.shared.web.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo compound's convenience station: the plan's catalogue, elderly menus for today and the next two days, a
 * few meal orders, parcels waiting (one for the {@code resident} account's room) and a few bookings. Demo mode only;
 * parcels, bookings and orders are created once, a later start only adds the menus of days that have none. Written
 * as the system (not audited as a person's action).
 */
@Component
@Order(50)
class DemoConcierge implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoConcierge.class);

	private static final String BY = "demo";

	private final DemoMode demoMode;

	private final RegistryApi registry;

	private final ConciergeApi concierge;

	private final Clock clock;

	DemoConcierge(DemoMode demoMode, RegistryApi registry, ConciergeApi concierge, Clock clock) {
		this.demoMode = demoMode;
		this.registry = registry;
		this.concierge = concierge;
		this.clock = clock;
	}

	/** Not one transaction: each step is idempotent on its own and a refused demo booking must not undo the rest. */
	@Override
	public void run(ApplicationArguments args) {
		if (!this.demoMode.enabled()) {
			return;
		}
		Optional<UUID> found = this.registry.communityIdByCode(DemoCompound.CODE);
		if (found.isEmpty()) {
			return;
		}
		UUID cid = found.get();
		int added = this.concierge.seedCatalogue(cid);
		LocalDate today = LocalDate.now(this.clock);
		List<String> menus = List.of("番茄炒蛋、清蒸鲈鱼、蒜蓉菠菜、冬瓜排骨汤、米饭", "红烧鸡块、肉末豆腐、清炒油麦菜、紫菜蛋花汤、米饭",
				"土豆烧牛肉、西红柿炒蛋、白灼菜心、玉米排骨汤、杂粮饭");
		for (int day = 0; day < menus.size(); day++) {
			if (!this.concierge.hasMealMenu(cid, today.plusDays(day))) {
				this.concierge.setMealMenu(cid, today.plusDays(day), menus.get(day), 1500, 500, BY);
			}
		}
		RoomRef residentRoom = residentRoom(cid);
		if (this.concierge.hasParcels(cid) || this.concierge.hasBookings(cid) || residentRoom == null) {
			return; // parcels, bookings and orders once only; menus keep coming for the demo's days
		}
		this.concierge.registerParcel(cid, "SF1402857361", "顺丰速运", residentRoom.roomId(), BY);
		room(cid, "2-1-301").ifPresent(r -> this.concierge.registerParcel(cid, "ZT7590012346", "中通快递",
				r.roomId(), BY));
		room(cid, "5-1-1203").ifPresent(r -> this.concierge.registerParcel(cid, "JD0098766123", "京东物流",
				r.roomId(), BY));
		OffsetDateTime tomorrow = today.plusDays(1).atStartOfDay(this.clock.getZone()).toOffsetDateTime();
		book(cid, "HOUSEKEEPING", residentRoom, tomorrow.with(LocalTime.of(10, 0)), "厨房和客厅保洁");
		room(cid, "3-2-502").ifPresent(r -> book(cid, "APPLIANCE_REPAIR", r, tomorrow.with(LocalTime.of(14, 0)),
				"洗衣机不脱水"));
		room(cid, "6-1-801").ifPresent(r -> book(cid, "HEALTH_CHECK", r, tomorrow.with(LocalTime.of(9, 0)), null));
		orderMealsForElderly(cid, today);
		log.info("Demo mode: convenience station of {} ready ({} services added)", DemoCompound.CODE, added);
	}

	/** The room the {@code resident} demo account lives in, found through the demo plan. */
	private RoomRef residentRoom(UUID cid) {
		for (CompoundPlan.BuildingPlan building : DemoCompound.plan().buildings()) {
			for (CompoundPlan.RoomPlan room : building.rooms()) {
				if (room.household().stream().anyMatch(p -> p.key().equals(DemoCompound.RESIDENT_KEY))) {
					return this.registry.roomByLabel(cid, building.name() + room.unit() + "-" + room.number())
						.orElse(null);
				}
			}
		}
		return null;
	}

	private Optional<RoomRef> room(UUID cid, String label) {
		return this.registry.roomByLabel(cid, label);
	}

	private void book(UUID cid, String serviceCode, RoomRef room, OffsetDateTime slot, String note) {
		this.concierge.serviceId(cid, serviceCode).ifPresent(serviceId -> {
			try {
				this.concierge.bookForRoom(cid, serviceId, room.roomId(), slot, note, BY);
			}
			catch (DomainException ex) {
				log.debug("Demo booking {} skipped: {}", serviceCode, ex.code());
			}
		});
	}

	/** A handful of elderly residents of the first building eat today; those who cannot come get it delivered. */
	private void orderMealsForElderly(UUID cid, LocalDate today) {
		int orders = 0;
		for (String label : List.of("1-1-101", "1-1-102", "1-1-201", "1-1-202", "1-1-301", "1-1-302", "1-1-401",
				"1-1-402", "1-1-501", "1-1-502", "1-2-101", "1-2-102")) {
			Optional<RoomRef> room = room(cid, label);
			if (room.isEmpty()) {
				continue;
			}
			for (Occupant person : this.registry.occupants(cid, room.get().roomId())) {
				if (person.birthYear() == null || today.getYear() - person.birthYear() < 60 || orders >= 8) {
					continue;
				}
				try {
					this.concierge.orderMealFor(cid, person.personId(), today,
							today.getYear() - person.birthYear() >= 80, BY);
					orders++;
				}
				catch (DomainException ex) {
					log.debug("Demo meal order skipped: {}", ex.code());
				}
			}
		}
	}

}
