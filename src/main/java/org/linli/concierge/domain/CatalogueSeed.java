package org.linli.concierge.domain;

import java.time.LocalTime;
import java.util.List;

/**
 * The station's starting catalogue: the plan's "3 categories, 20 services" (seed §2.1, §8.2). The plan names parcel
 * collection (代收快递), housekeeping booking (家政预约), the community canteen and elderly meals (社区食堂、老年助餐)
 * and parcel lockers; the rest completes the list with what a station of this kind usually offers (ADR 0009).
 */
final class CatalogueSeed {

	record SeedCategory(String code, String name, List<SeedService> services) {
	}

	record SeedService(String code, String name, String provider, long priceFen, String unit, LocalTime opens,
			LocalTime closes, boolean bookable, int slotMinutes, int slotCapacity) {
	}

	private static final String STATION = "幸福里便民服务站";

	static final List<SeedCategory> CATEGORIES = List.of(
			new SeedCategory("DAILY", "生活便利", List.of(
					walkIn("PARCEL_COLLECTION", "代收快递", STATION, 0, "件", 8, 21),
					walkIn("PARCEL_SENDING", "快递代寄", STATION, 100, "件", 8, 21),
					walkIn("LAUNDRY", "洗衣干洗代收", "洁净洗衣店", 1500, "件", 8, 20),
					walkIn("KEY_KEEPING", "钥匙代管", STATION, 0, "次", 8, 21),
					walkIn("PRINTING", "打印复印", STATION, 50, "页", 8, 18),
					booked("HAIRCUT", "便民理发", "邻里理发室", 2000, "次", 9, 17, 30, 2),
					booked("WATER_DELIVERY", "桶装水配送", "清泉水站", 1800, "桶", 8, 18, 60, 6))),
			new SeedCategory("HOME", "家居服务", List.of(
					booked("HOUSEKEEPING", "家政保洁", "安心家政服务公司", 5000, "小时", 8, 18, 120, 3),
					booked("APPLIANCE_REPAIR", "家电维修", "万家家电维修部", 3000, "次（上门费）", 9, 18, 60, 2),
					booked("AC_CLEANING", "空调清洗", "万家家电维修部", 8000, "台", 9, 17, 120, 2),
					booked("PLUMBING", "管道疏通", "幸福里物业工程部", 8000, "次", 8, 18, 60, 2),
					walkIn("LOCKSMITH", "开锁换锁", "公安备案开锁店", 6000, "次", 8, 22),
					booked("MOVING", "搬家服务", "顺心搬家公司", 30000, "次", 8, 16, 240, 1),
					booked("PEST_CONTROL", "除虫消杀", "绿洁消杀服务公司", 10000, "次", 9, 17, 120, 1))),
			new SeedCategory("ELDERLY", "为老服务", List.of(
					walkIn("ELDERLY_MEAL", "长者助餐", "幸福里长者食堂", 1500, "份", 11, 13),
					walkIn("MEAL_DELIVERY", "助餐送餐上门", "幸福里长者食堂", 300, "次", 11, 13),
					booked("HEALTH_CHECK", "健康测量", "社区卫生服务站", 0, "次", 9, 11, 30, 4),
					booked("HOME_VISIT", "上门探访", "幸福里志愿服务队", 0, "次", 14, 17, 60, 2),
					booked("ASSISTED_BATH", "助浴服务", "康乐居家养老服务中心", 6000, "次", 9, 16, 90, 1),
					booked("REHABILITATION", "康复理疗", "康乐居家养老服务中心", 4000, "次", 9, 17, 60, 2))));

	private CatalogueSeed() {
	}

	private static SeedService walkIn(String code, String name, String provider, long priceFen, String unit,
			int opens, int closes) {
		return new SeedService(code, name, provider, priceFen, unit, LocalTime.of(opens, 0), LocalTime.of(closes, 0),
				false, 60, 1);
	}

	private static SeedService booked(String code, String name, String provider, long priceFen, String unit,
			int opens, int closes, int slotMinutes, int slotCapacity) {
		return new SeedService(code, name, provider, priceFen, unit, LocalTime.of(opens, 0), LocalTime.of(closes, 0),
				true, slotMinutes, slotCapacity);
	}

}
