package org.linli.registry.domain;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.person.ChineseIdNumber;
import org.linli.shared.person.IdentityDocument;
import org.linli.shared.person.MobileNumber;
import org.linli.shared.person.TextNormaliser;
import org.linli.shared.person.Validation;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.linli.registry.PersonMovedOut;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Persons of a community. ID and mobile numbers are validated, encrypted at rest and indexed by keyed hash, so that
 * exact search and duplicate detection never need the clear value in the database.
 */
@Service
public class PersonService {

	/**
	 * What a new person needs; {@code idType} null means the resident ID card, and {@code birthDate} is required
	 * only for documents that do not carry it.
	 */
	public record NewPerson(String name, String idType, String idNumber, String phone, LocalDate birthDate) {

		public NewPerson(String name, String idNumber, String phone, LocalDate birthDate) {
			this(name, null, idNumber, phone, birthDate);
		}

	}

	/** A person whose input passed validation, ready to store. */
	record ValidPerson(String name, IdentityDocument document, MobileNumber phone, LocalDate birthDate) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final Clock clock;

	private final RegistryQueries queries;

	private final ApplicationEventPublisher events;

	PersonService(JdbcClient jdbc, FieldCipher cipher, Clock clock, RegistryQueries queries,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
		this.queries = queries;
		this.cipher = cipher;
		this.clock = clock;
	}

	@Transactional
	public UUID create(UUID communityId, NewPerson request) {
		ValidPerson person = validate(request, LocalDate.now(this.clock));
		if (findByIndexValue(communityId, person.document().indexValue()).isPresent()) {
			throw DomainException.conflict("person.idNumber.taken");
		}
		UUID id = UUID.randomUUID();
		try {
			insert(communityId, id, null, person, "OTHER");
		}
		catch (DuplicateKeyException ex) {
			throw DomainException.conflict("person.idNumber.taken");
		}
		return id;
	}

	/** Validates every field and reports all errors at once. */
	static ValidPerson validate(NewPerson request, LocalDate today) {
		Violations violations = new Violations();
		String name = TextNormaliser.normalise(request.name());
		violations.require(name != null && !name.isEmpty() && name.length() <= 60, "name", "person.name.invalid");
		Validation<IdentityDocument> document = IdentityDocument.parse(request.idType(), request.idNumber(), today);
		document.error().ifPresent(code -> violations.add(IdentityDocument.TYPE.equals(code) ? "idType" : "idNumber",
				code));
		Validation<MobileNumber> phone = blank(request.phone()) ? null : MobileNumber.parse(request.phone());
		if (phone != null) {
			phone.error().ifPresent(code -> violations.add("phone", code));
		}
		LocalDate documentBirth = document.toOptional().map(IdentityDocument::birthDate).orElse(null);
		if (documentBirth != null && request.birthDate() != null) {
			violations.require(request.birthDate().equals(documentBirth), "birthDate", "person.birthDate.mismatch");
		}
		if (document.isValid() && documentBirth == null) {
			violations.require(request.birthDate() != null && !request.birthDate().isAfter(today), "birthDate",
					"person.birthDate.required");
		}
		violations.throwIfAny();
		return new ValidPerson(name, document.orElseThrow(), phone == null ? null : phone.orElseThrow(),
				documentBirth != null ? documentBirth : request.birthDate());
	}

	void insert(UUID communityId, UUID id, UUID householdId, ValidPerson person, String relation) {
		this.jdbc.sql("""
				insert into registry.person (id, community_id, household_id, name, gender, birth_date, relation,
				  created_at, id_type, id_number_enc, id_number_index, phone_enc, phone_index)
				values (:id, :c, :h, :name, :gender, :birth, :relation, :now, :idType, :idEnc, :idIndex,
				  :phoneEnc, :phoneIndex)
				""")
			.param("id", id)
			.param("c", communityId)
			.param("h", householdId)
			.param("name", person.name())
			.param("gender", person.document().gender() == null ? null
					: person.document().gender() == org.linli.shared.person.Gender.MALE ? "M" : "F")
			.param("birth", Date.valueOf(person.birthDate()))
			.param("idType", person.document().type().name())
			.param("relation", relation)
			.param("now", Timestamp.from(this.clock.instant()))
			.param("idEnc", this.cipher.encrypt(person.document().number()))
			.param("idIndex", this.cipher.blindIndex(person.document().indexValue()))
			.param("phoneEnc", person.phone() == null ? null : this.cipher.encrypt(person.phone().value()))
			.param("phoneIndex", person.phone() == null ? null : this.cipher.blindIndex(person.phone().value()))
			.update();
	}

	/** A person's own mobile number (residents keep their own up to date); blank removes it. */
	@Transactional
	public void updatePhone(UUID communityId, UUID personId, String phone) {
		MobileNumber number = null;
		if (!blank(phone)) {
			Validation<MobileNumber> parsed = MobileNumber.parse(phone);
			parsed.error().ifPresent(code -> {
				throw DomainException.invalid("phone", code);
			});
			number = parsed.orElseThrow();
		}
		this.jdbc.sql("""
				update registry.person set phone_enc = :enc, phone_index = :idx, version = version + 1
				 where community_id = :c and id = :p
				""")
			.param("enc", number == null ? null : this.cipher.encrypt(number.value()))
			.param("idx", number == null ? null : this.cipher.blindIndex(number.value()))
			.param("c", communityId)
			.param("p", personId)
			.update();
	}

	/** Tags that services and the dashboard select by (elderly living alone, needs care, ...). */
	public enum Tag {
		ELDERLY_ALONE, DISABLED, CHILD, NEEDS_CARE, LOW_INCOME, MILITARY_FAMILY
	}

	static final Set<String> RELATIONS = Set.of("OWNER", "CO_OWNER", "FAMILY", "TENANT", "OTHER");

	/**
	 * Moves a person into a room's household from a date: the household is created if the room has none, and the
	 * residence history closes the previous stay the day before.
	 */
	@Transactional
	public void moveIn(UUID communityId, UUID personId, UUID roomId, String relation, LocalDate since) {
		Violations violations = new Violations();
		violations.require(find(communityId, personId).isPresent(), "personId", "person.notFound");
		violations.require(roomId != null && this.jdbc.sql("select count(*) from registry.room where community_id = :c "
				+ "and id = :r").param("c", communityId).param("r", roomId).query(Long.class).single() > 0, "roomId",
				"room.unknown");
		violations.require(relation != null && RELATIONS.contains(relation), "relation", "import.relation.invalid");
		violations.require(since != null, "since", "residence.since.invalid");
		violations.throwIfAny();
		closeStay(communityId, personId, since.minusDays(1));
		UUID household = this.queries.householdOf(communityId, roomId).orElseGet(() -> {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("insert into registry.household (id, community_id, room_id, since) values (:id, :c, :r, :s)")
				.param("id", id).param("c", communityId).param("r", roomId).param("s", Date.valueOf(since)).update();
			return id;
		});
		this.jdbc.sql("""
				update registry.person set household_id = :h, relation = :rel, version = version + 1
				 where community_id = :c and id = :p
				""").param("h", household).param("rel", relation).param("c", communityId).param("p", personId).update();
		this.jdbc.sql("""
				insert into registry.residence (id, community_id, person_id, room_id, relation, since)
				values (:id, :c, :p, :r, :rel, :since)
				""").param("id", UUID.randomUUID()).param("c", communityId).param("p", personId).param("r", roomId)
			.param("rel", relation).param("since", Date.valueOf(since)).update();
	}

	/** The person leaves their household on a date; the record and its history stay. */
	@Transactional
	public void moveOut(UUID communityId, UUID personId, LocalDate until) {
		Violations violations = new Violations();
		violations.require(find(communityId, personId).isPresent(), "personId", "person.notFound");
		violations.require(until != null, "until", "residence.until.invalid");
		violations.throwIfAny();
		closeStay(communityId, personId, until);
		this.jdbc.sql("update registry.person set household_id = null, version = version + 1 "
				+ "where community_id = :c and id = :p").param("c", communityId).param("p", personId).update();
		this.events.publishEvent(new PersonMovedOut(communityId, personId, until));
	}

	/** Replaces the tags if nobody changed the person since {@code version} was read (optimistic locking). */
	@Transactional
	public int setTags(UUID communityId, UUID personId, List<String> tags, int version) {
		Set<String> known = java.util.EnumSet.allOf(Tag.class).stream().map(Enum::name)
			.collect(java.util.stream.Collectors.toSet());
		List<String> clean = tags == null ? List.of() : tags.stream().distinct().toList();
		if (!known.containsAll(clean)) {
			throw DomainException.invalid("tags", "person.tags.invalid");
		}
		int updated = this.jdbc.sql("""
				update registry.person set tags = :tags::varchar[], version = version + 1
				 where community_id = :c and id = :p and version = :v
				""").param("tags", "{" + String.join(",", clean) + "}").param("c", communityId).param("p", personId)
			.param("v", version).update();
		if (updated == 0) {
			throw find(communityId, personId).isPresent() ? DomainException.conflict("person.changed")
					: DomainException.notFound("person.notFound");
		}
		return version + 1;
	}

	public int version(UUID communityId, UUID personId) {
		return this.jdbc.sql("select version from registry.person where community_id = :c and id = :p")
			.param("c", communityId).param("p", personId).query(Integer.class).optional()
			.orElseThrow(() -> DomainException.notFound("person.notFound"));
	}

	private void closeStay(UUID communityId, UUID personId, LocalDate until) {
		this.jdbc.sql("""
				update registry.residence set until = :until
				 where community_id = :c and person_id = :p and until is null
				""").param("until", Date.valueOf(until)).param("c", communityId).param("p", personId).update();
	}

	public Optional<PersonRecord> find(UUID communityId, UUID personId) {
		return this.jdbc.sql("select * from registry.person where community_id = :c and id = :id")
			.param("c", communityId)
			.param("id", personId)
			.query(this::row)
			.optional();
	}

	/**
	 * A page of the community's current (unmerged) persons, optionally only those with an exact ID or mobile number
	 * (through the blind index) or a name starting with the given text.
	 */
	public org.springframework.data.domain.Page<PersonRecord> page(UUID communityId, String idNumber, String phone,
			String namePrefix, org.springframework.data.domain.Pageable pageable) {
		StringBuilder where = new StringBuilder("community_id = :c and merged_into is null");
		java.util.Map<String, Object> params = new java.util.HashMap<>(java.util.Map.of("c", communityId));
		if (!blank(idNumber)) {
			where.append(" and id_number_index in (:id)");
			params.put("id", documentIndexes(idNumber));
		}
		if (!blank(phone)) {
			where.append(" and phone_index = :phone");
			params.put("phone", this.cipher.blindIndex(MobileNumber.parse(phone).toOptional()
				.map(MobileNumber::value).orElse(phone.trim())));
		}
		if (!blank(namePrefix)) {
			where.append(" and name like :name escape '\\'");
			params.put("name", RegistrySearch.escapeLike(TextNormaliser.normalise(namePrefix)) + "%");
		}
		// without a filter the kept count is exact (triggers, merged persons excluded) and costs one lookup
		boolean filtered = !blank(idNumber) || !blank(phone) || !blank(namePrefix);
		long total = filtered
				? this.jdbc.sql("select count(*) from registry.person where " + where).params(params).query(Long.class)
					.single()
				: this.jdbc.sql("select persons from registry.community_count where community_id = :c")
					.param("c", communityId).query(Long.class).optional().orElse(0L);
		// the page's ids come from the list index alone (index-only scan), then only its rows are read: walking the
		// offset through the heap touched one page per skipped person
		List<PersonRecord> content = this.jdbc.sql("with page as (select id, name from registry.person where " + where
				+ " order by name, id limit :limit offset :offset)"
				+ " select p.* from page join registry.person p on p.id = page.id order by page.name, page.id")
			.params(params).param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
			.query(this::row).list();
		return new org.springframework.data.domain.PageImpl<>(content, pageable, total);
	}

	/** Exact search by resident ID number through the blind index; a merged record is history, not a match. */
	public Optional<UUID> findByIdNumber(UUID communityId, String normalisedIdNumber) {
		return findByIndexValue(communityId, normalisedIdNumber);
	}

	/**
	 * The blind indexes a typed document number may be stored under: staff search by the number alone, so a passport
	 * or permit number is looked up as every document type it is valid for. Never empty, so a query stays valid SQL.
	 */
	List<String> documentIndexes(String number) {
		LocalDate today = LocalDate.now(this.clock);
		List<String> indexes = new java.util.ArrayList<>();
		for (IdentityDocument.Type type : IdentityDocument.Type.values()) {
			IdentityDocument.parse(type.name(), number, today).toOptional()
				.ifPresent(document -> indexes.add(this.cipher.blindIndex(document.indexValue())));
		}
		if (indexes.isEmpty()) {
			indexes.add(this.cipher.blindIndex(number.trim()));
		}
		return indexes;
	}

	/** Persons holding the document number, of whatever type (see {@link #documentIndexes}). */
	public List<UUID> findByDocumentNumber(UUID communityId, String number) {
		return this.jdbc.sql("select id from registry.person where community_id = :c and id_number_index in (:i) "
				+ "and merged_into is null")
			.param("c", communityId)
			.param("i", documentIndexes(number))
			.query(UUID.class)
			.list();
	}

	/** Exact search by a document's {@link IdentityDocument#indexValue()}. */
	Optional<UUID> findByIndexValue(UUID communityId, String indexValue) {
		return this.jdbc.sql("select id from registry.person where community_id = :c and id_number_index = :i "
				+ "and merged_into is null")
			.param("c", communityId)
			.param("i", this.cipher.blindIndex(indexValue))
			.query(UUID.class)
			.optional();
	}

	/** Exact search by mobile number; families share numbers, so several persons may match. */
	public List<UUID> findByPhone(UUID communityId, String normalisedPhone) {
		return this.jdbc.sql("select id from registry.person where community_id = :c and phone_index = :i")
			.param("c", communityId)
			.param("i", this.cipher.blindIndex(normalisedPhone))
			.query(UUID.class)
			.list();
	}

	/** Whether two persons live in the same household (a resident may see their family). */
	public boolean sameHousehold(UUID communityId, UUID a, UUID b) {
		return a != null && b != null && this.jdbc.sql("""
				select count(*) from registry.person x join registry.person y on x.household_id = y.household_id
				 where x.community_id = :c and y.community_id = :c and x.id = :a and y.id = :b
				""").param("c", communityId).param("a", a).param("b", b).query(Long.class).single() > 0;
	}

	private PersonRecord row(ResultSet rs, int n) throws SQLException {
		Date birth = rs.getDate("birth_date");
		Array tags = rs.getArray("tags");
		return new PersonRecord(rs.getObject("id", UUID.class), rs.getObject("community_id", UUID.class),
				rs.getObject("household_id", UUID.class), rs.getString("name"), rs.getString("id_type"),
				this.cipher.decrypt(rs.getString("id_number_enc")), this.cipher.decrypt(rs.getString("phone_enc")),
				birth == null ? null : birth.toLocalDate(), rs.getString("gender"), rs.getString("relation"),
				tags == null ? List.of() : Arrays.stream((Object[]) tags.getArray()).map(String::valueOf).toList());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
