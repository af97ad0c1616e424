package org.linli.registry.domain.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.person.BuildingName;
import org.linli.shared.person.Gender;
import org.linli.shared.person.IdentityDocument;
import org.linli.shared.person.MobileNumber;
import org.linli.shared.person.TextNormaliser;
import org.linli.shared.person.Validation;
import org.linli.shared.web.Problems;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports persons from a spreadsheet (API.md): every row is judged and reported; a real run writes all rows or none.
 * Rows with the same document are one person (an owner of two rooms), valid when the names agree. Besides the resident
 * ID card, a row may name another document (optional columns idType, birthDate, gender).
 */
@Service
public class PersonImport {

	private static final Map<String, String> RELATIONS = Map.ofEntries(Map.entry("业主", "OWNER"),
			Map.entry("OWNER", "OWNER"), Map.entry("共有人", "CO_OWNER"), Map.entry("CO_OWNER", "CO_OWNER"),
			Map.entry("家庭成员", "FAMILY"), Map.entry("FAMILY", "FAMILY"), Map.entry("租户", "TENANT"),
			Map.entry("TENANT", "TENANT"), Map.entry("其他", "OTHER"), Map.entry("OTHER", "OTHER"));

	/** A row that passed every check, with the person it names. */
	private record GoodRow(UUID roomId, String name, IdentityDocument document, LocalDate birthDate, Gender gender,
			MobileNumber phone, String relation) {
	}

	private final JdbcTemplate jdbc;

	private final FieldCipher cipher;

	private final Problems problems;

	private final Clock clock;

	PersonImport(JdbcTemplate jdbc, FieldCipher cipher, Problems problems, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.problems = problems;
		this.clock = clock;
	}

	/** Judges every row; with {@code dryRun} false and no invalid row, writes them all in this transaction. */
	@Transactional
	public ImportReport run(UUID communityId, String filename, byte[] content, boolean dryRun, Locale locale) {
		ReadResult read = SheetReader.read(filename, content);
		if (!read.readable()) {
			return report(0, 0, List.of(new ImportError(0, "file", read.fileError())), 0, locale);
		}
		Context context = new Context(communityId);
		Map<Integer, List<ImportError>> errors = new LinkedHashMap<>();
		read.errors().forEach(e -> errors.computeIfAbsent(e.row(), r -> new ArrayList<>()).add(e));
		Map<String, String> namesById = new HashMap<>();
		List<GoodRow> good = new ArrayList<>();
		LocalDate today = LocalDate.now(this.clock);
		for (RawRow row : read.rows()) {
			List<ImportError> rowErrors = errors.computeIfAbsent(row.rowNumber(), r -> new ArrayList<>());
			Optional<GoodRow> judged = judge(row, context, namesById, today, rowErrors);
			if (rowErrors.isEmpty()) {
				judged.ifPresent(good::add);
			}
		}
		errors.values().removeIf(List::isEmpty);
		int total = read.rows().size();
		int invalid = errors.size();
		int written = 0;
		if (!dryRun && invalid == 0) {
			written = write(context, good);
		}
		return report(total, invalid, errors.values().stream().flatMap(List::stream).toList(), written, locale);
	}

	private Optional<GoodRow> judge(RawRow row, Context context, Map<String, String> namesById, LocalDate today,
			List<ImportError> errors) {
		int n = row.rowNumber();
		String building = BuildingName.canonical(TextNormaliser.normalise(row.cell(SheetColumn.BUILDING)));
		String unit = BuildingName.canonicalUnit(TextNormaliser.normalise(row.cell(SheetColumn.UNIT)));
		String number = BuildingName.canonicalRoom(TextNormaliser.normalise(row.cell(SheetColumn.ROOM)));
		UUID buildingId = context.buildings.get(building);
		UUID roomId = null;
		if (buildingId == null) {
			errors.add(new ImportError(n, "building", "import.building.unknown"));
		}
		else {
			roomId = context.rooms.get(buildingId + "|" + unit + "|" + number);
			if (roomId == null) {
				errors.add(new ImportError(n, "room", "import.room.unknown"));
			}
		}
		String name = TextNormaliser.normalise(row.cell(SheetColumn.NAME));
		if (name == null || name.isEmpty() || name.length() > 60) {
			errors.add(new ImportError(n, "name", "person.name.invalid"));
		}
		ImportedDocument document = ImportedDocument.judge(row, today, errors).orElse(null);
		String phoneCell = row.cell(SheetColumn.PHONE);
		Validation<MobileNumber> phone = phoneCell == null || phoneCell.isBlank() ? null : MobileNumber.parse(phoneCell);
		if (phone != null) {
			phone.error().ifPresent(code -> errors.add(new ImportError(n, "phone", code)));
		}
		String relationCell = TextNormaliser.normalise(row.cell(SheetColumn.RELATION));
		String relation = relationCell == null ? null : RELATIONS.get(relationCell.toUpperCase(Locale.ROOT));
		if (relation == null) {
			errors.add(new ImportError(n, "relation", "import.relation.invalid"));
		}
		if (document != null && name != null && !name.isEmpty()) {
			String id = document.document().indexValue();
			String earlier = namesById.putIfAbsent(id, name);
			String registered = context.registeredName(id);
			if ((earlier != null && !earlier.equals(name)) || (registered != null && !registered.equals(name))) {
				errors.add(new ImportError(n, "idNumber", "import.idNumber.nameConflict"));
			}
		}
		if (!errors.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new GoodRow(roomId, name, document.document(), document.birthDate(), document.gender(),
				phone == null ? null : phone.orElseThrow(), relation));
	}

	/** Writes persons (once per ID number), households, residence and ownership rows; returns persons created. */
	private int write(Context context, List<GoodRow> rows) {
		Timestamp now = Timestamp.from(this.clock.instant());
		java.sql.Date today = java.sql.Date.valueOf(LocalDate.now(this.clock));
		Map<String, UUID> personIds = new HashMap<>();
		List<Object[]> households = new ArrayList<>();
		List<Object[]> persons = new ArrayList<>();
		List<Object[]> residences = new ArrayList<>();
		List<Object[]> ownerships = new ArrayList<>();
		Set<String> owned = new HashSet<>();
		for (GoodRow row : rows) {
			String id = row.document().indexValue();
			UUID personId = context.registeredId(id);
			if (personId == null) {
				personId = personIds.get(id);
			}
			if (personId == null) {
				personId = UUID.randomUUID();
				personIds.put(id, personId);
				UUID household = context.households.get(row.roomId());
				if (household == null) {
					household = UUID.randomUUID();
					context.households.put(row.roomId(), household);
					households.add(new Object[] { household, context.communityId, row.roomId(), today });
				}
				persons.add(new Object[] { personId, context.communityId, household, row.name(),
						row.gender() == null ? null : row.gender() == Gender.MALE ? "M" : "F",
						java.sql.Date.valueOf(row.birthDate()), row.relation(), now,
						row.document().type().name(), this.cipher.encrypt(row.document().number()),
						this.cipher.blindIndex(id),
						row.phone() == null ? null : this.cipher.encrypt(row.phone().value()),
						row.phone() == null ? null : this.cipher.blindIndex(row.phone().value()) });
			}
			residences.add(new Object[] { UUID.randomUUID(), context.communityId, personId, row.roomId(),
					row.relation(), today });
			boolean owner = row.relation().equals("OWNER") || row.relation().equals("CO_OWNER");
			if (owner && owned.add(row.roomId() + "|" + personId) && !context.owns(row.roomId(), personId)) {
				ownerships.add(new Object[] { UUID.randomUUID(), context.communityId, row.roomId(), personId, today });
			}
		}
		this.jdbc.batchUpdate("insert into registry.household (id, community_id, room_id, since) values (?, ?, ?, ?)",
				households);
		this.jdbc.batchUpdate("""
				insert into registry.person (id, community_id, household_id, name, gender, birth_date, relation,
				  created_at, id_type, id_number_enc, id_number_index, phone_enc, phone_index)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", persons);
		this.jdbc.batchUpdate("""
				insert into registry.residence (id, community_id, person_id, room_id, relation, since)
				values (?, ?, ?, ?, ?, ?)
				""", residences);
		this.jdbc.batchUpdate("""
				insert into registry.ownership (id, community_id, room_id, owner_type, person_id, since)
				values (?, ?, ?, 'PERSON', ?, ?)
				""", ownerships);
		return persons.size();
	}

	private ImportReport report(int total, int invalid, List<ImportError> errors, int written, Locale locale) {
		List<ImportReport.Error> translated = errors.stream()
			.map(e -> new ImportReport.Error(e.row(), e.field(), e.code(),
					this.problems.message(e.code(), locale, e.field())))
			.toList();
		return new ImportReport(total, total - invalid, invalid, translated, written);
	}

	/** What the rows are judged against, loaded once per import: the community's buildings, rooms and persons. */
	private final class Context {

		final UUID communityId;

		final Map<String, UUID> buildings = new HashMap<>();

		final Map<String, UUID> rooms = new HashMap<>();

		final Map<UUID, UUID> households = new HashMap<>();

		private final Map<String, UUID> registeredIds = new HashMap<>();

		private final Map<String, String> registeredNames = new HashMap<>();

		private final Set<String> ownerships = new HashSet<>();

		Context(UUID communityId) {
			this.communityId = communityId;
			JdbcTemplate db = PersonImport.this.jdbc;
			db.query("select id, name from registry.building where community_id = ?",
					rs -> { this.buildings.put(rs.getString(2), rs.getObject(1, UUID.class)); }, communityId);
			db.query("select id, building_id, unit, number from registry.room where community_id = ?",
					rs -> { this.rooms.put(rs.getObject(2, UUID.class) + "|" + rs.getString(3) + "|" + rs.getString(4),
							rs.getObject(1, UUID.class)); }, communityId);
			db.query("select room_id, id from registry.household where community_id = ?",
					rs -> { this.households.putIfAbsent(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)); },
					communityId);
			db.query("select id_number_index, id, name from registry.person "
					+ "where community_id = ? and id_number_index is not null and merged_into is null", rs -> {
						this.registeredIds.put(rs.getString(1), rs.getObject(2, UUID.class));
						this.registeredNames.put(rs.getString(1), rs.getString(3));
					}, communityId);
			db.query("select room_id, person_id from registry.ownership where community_id = ? and until is null "
					+ "and person_id is not null", rs -> { this.ownerships.add(rs.getObject(1, UUID.class) + "|"
							+ rs.getObject(2, UUID.class)); }, communityId);
		}

		UUID registeredId(String idNumber) {
			return this.registeredIds.get(PersonImport.this.cipher.blindIndex(idNumber));
		}

		String registeredName(String idNumber) {
			return this.registeredNames.get(PersonImport.this.cipher.blindIndex(idNumber));
		}

		boolean owns(UUID roomId, UUID personId) {
			return this.ownerships.contains(roomId + "|" + personId);
		}

	}

}
