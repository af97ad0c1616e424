package org.linli.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.linli.registry.CompoundPlan;
import org.linli.registry.CompoundPlan.AreaSource;
import org.linli.registry.CompoundPlan.BuildingPlan;
import org.linli.registry.CompoundPlan.OwnerPlan;
import org.linli.registry.CompoundPlan.OwnerType;
import org.linli.registry.CompoundPlan.PersonPlan;
import org.linli.registry.CompoundPlan.Relation;
import org.linli.registry.CompoundPlan.RoomPlan;
import org.linli.registry.RegionPlan;
import org.linli.shared.person.ChineseIdNumber;

/**
 * The sample compound of the seed plan (DOMAIN.md §1): built 2005, 1,500 households, 120,000 m2. Four five-storey
 * walk-up blocks (1#-4#, three units each: the 12 units that get an elevator) and ten 23-storey towers (5#-14#).
 * Room areas are chosen so that every floor sums to a round figure and the compound to exactly 120,000.00 m2.
 * Everything comes from a fixed seed, so every start produces the same compound.
 */
final class DemoCompound {

	static final String CODE = "xingfuli";

	/** Where the compound sits: a fictional city, district and street (its street officer serves the street). */
	static final List<RegionPlan> REGIONS = List.of(new RegionPlan("PROVINCE", null, "示范省"),
			new RegionPlan("CITY", null, "示范市"), new RegionPlan("DISTRICT", null, "和平区"),
			new RegionPlan("STREET", null, "幸福路街道"));

	/** Plan keys of the persons the demo accounts belong to. */
	static final String RESIDENT_KEY = "p-0-0";

	static final String COMMITTEE_KEY = "p-200-0";

	static final String OWNER_REPRESENTATIVE_KEY = "p-400-0";

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙",
			"马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋" };

	private static final String[] MALE_NAMES = { "建国", "志强", "磊", "洋", "勇", "杰", "涛", "明", "超", "刚", "文",
			"浩", "宇", "梓轩", "国华", "德胜", "振东", "海波" };

	private static final String[] FEMALE_NAMES = { "秀英", "桂英", "丽", "敏", "静", "艳", "娟", "秀兰", "霞", "平",
			"桂兰", "玉兰", "淑珍", "欣怡", "子涵", "一诺", "慧", "婷" };

	private static final LocalDate DELIVERED = LocalDate.of(2005, 10, 1);

	private final Random random;

	private final String code;

	private final String name;

	private int roomIndex;

	private int personCount;

	private final java.util.Set<String> idNumbers = new java.util.HashSet<>();

	private String previousOwnerKey;

	static CompoundPlan plan() {
		return new DemoCompound(CODE, "幸福里小区", 20051001L).build();
	}

	/** Another compound of the same shape with its own people, for the district dataset of the benchmarks. */
	static CompoundPlan plan(String code, String name, long seed) {
		return new DemoCompound(code, name, seed).build();
	}

	private CompoundPlan build() {
		List<BuildingPlan> buildings = new ArrayList<>();
		for (int b = 1; b <= 4; b++) {
			buildings.add(building(b, false, 3, 5, new String[] { "75.50", "84.50" }));
		}
		for (int b = 5; b <= 14; b++) {
			buildings.add(building(b, true, 2, 23, new String[] { "68.80", "89.60", "81.60" }));
		}
		return new CompoundPlan(this.code, this.name, "示范市和平区幸福路88号", 2005, buildings);
	}

	private BuildingPlan building(int number, boolean elevator, int units, int floors, String[] areas) {
		List<RoomPlan> rooms = new ArrayList<>();
		for (int unit = 1; unit <= units; unit++) {
			for (int floor = 1; floor <= floors; floor++) {
				for (int i = 0; i < areas.length; i++) {
					rooms.add(room(String.valueOf(unit), floor, "%d%02d".formatted(floor, i + 1),
							new BigDecimal(areas[i])));
				}
			}
		}
		return new BuildingPlan(number + "号楼", elevator, rooms);
	}

	private RoomPlan room(String unit, int floor, String number, BigDecimal area) {
		int index = this.roomIndex++;
		AreaSource source = index % 75 == 31 ? AreaSource.CONTRACT
				: index % 25 == 9 ? AreaSource.SURVEYED : AreaSource.REGISTERED;
		boolean developerHeld = index % 50 == 7;
		boolean ownerElsewhere = !developerHeld && index % 60 == 13 && this.previousOwnerKey != null;
		boolean rented = developerHeld || ownerElsewhere;
		List<PersonPlan> household = household(index, rented);
		LocalDate movedIn = DELIVERED.plusDays(this.random.nextInt(6000));
		OwnerPlan owner;
		if (developerHeld) {
			owner = new OwnerPlan(OwnerType.DEVELOPER, List.of(), DELIVERED);
		}
		else if (ownerElsewhere) {
			owner = new OwnerPlan(OwnerType.PERSON, List.of(this.previousOwnerKey), movedIn);
		}
		else {
			List<String> owners = household.stream()
				.filter(p -> p.relation() == Relation.OWNER || p.relation() == Relation.CO_OWNER)
				.map(PersonPlan::key)
				.toList();
			owner = new OwnerPlan(OwnerType.PERSON, owners, movedIn);
			this.previousOwnerKey = owners.getFirst();
		}
		return new RoomPlan(unit, floor, number, area, source, area, movedIn, household, owner);
	}

	private List<PersonPlan> household(int index, boolean rented) {
		int size = index == 0 ? 3 : sizeOfHousehold();
		String surname = SURNAMES[this.random.nextInt(SURNAMES.length)];
		boolean elderly = this.random.nextInt(100) < 28;
		int headAge = elderly ? 62 + this.random.nextInt(24) : 28 + this.random.nextInt(32);
		boolean headMale = this.random.nextBoolean();
		List<PersonPlan> people = new ArrayList<>();
		Relation headRelation = rented ? Relation.TENANT : Relation.OWNER;
		people.add(person(index, 0, surname, headMale, headAge, headRelation));
		if (size > 1) {
			Relation spouse = rented ? Relation.TENANT : index % 10 == 0 ? Relation.CO_OWNER : Relation.FAMILY;
			people.add(person(index, 1, SURNAMES[this.random.nextInt(SURNAMES.length)], !headMale,
					headAge - 3 + this.random.nextInt(6), spouse));
		}
		for (int i = 2; i < size; i++) {
			int age = elderly ? 30 + this.random.nextInt(15) : Math.max(1, headAge - 24 - this.random.nextInt(8));
			people.add(person(index, i, surname, this.random.nextBoolean(), age,
					rented ? Relation.TENANT : Relation.FAMILY));
		}
		return people;
	}

	private int sizeOfHousehold() {
		int roll = this.random.nextInt(100);
		return roll < 15 ? 1 : roll < 45 ? 2 : roll < 75 ? 3 : roll < 93 ? 4 : 5;
	}

	private PersonPlan person(int room, int position, String surname, boolean male, int age, Relation relation) {
		String[] given = male ? MALE_NAMES : FEMALE_NAMES;
		LocalDate birth = LocalDate.of(2026 - age, 1 + this.random.nextInt(12), 1 + this.random.nextInt(28));
		int number = this.personCount++;
		String phone = age < 14 ? null : "139%08d".formatted((20051001 + number * 7919L) % 100_000_000L);
		return new PersonPlan("p-" + room + "-" + position, surname + given[this.random.nextInt(given.length)],
				male ? 'M' : 'F', birth, relation, idNumber(birth, male, number), phone);
	}

	/** A valid, unique ID number (area 130702 of the demo city; odd sequence for men, even for women). */
	private String idNumber(LocalDate birth, boolean male, int number) {
		for (int attempt = 0;; attempt++) {
			int sequence = ((number + attempt * 37) % 500) * 2 + (male ? 1 : 0);
			String candidate = ChineseIdNumber.of("130702", birth, sequence).value();
			if (this.idNumbers.add(candidate)) {
				return candidate;
			}
		}
	}

	private DemoCompound(String code, String name, long seed) {
		this.code = code;
		this.name = name;
		this.random = new Random(seed);
	}

}
