package org.linli.registry.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.linli.shared.crypto.FieldCipher;
import org.linli.shared.person.TextNormaliser;
import org.linli.shared.web.DomainException;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes a resident asks for and staff decide (住户信息变更申请): adding a member to their household (applied on
 * approval, with the ID number validated again) and changing a room's ownership (recorded by staff from the deed; the
 * request keeps the paper trail). The payload holds personal data, so it is stored encrypted.
 */
@Service
public class ChangeRequests {

	public enum Kind {
		ADD_MEMBER, OWNERSHIP_CHANGE
	}

	public record Request(UUID id, UUID householdId, String room, String requestedBy, Kind kind,
			Map<String, String> payload, String status, String reason, java.time.Instant createdAt) {
	}

	private final JdbcClient jdbc;

	private final FieldCipher cipher;

	private final PersonService persons;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Clock clock;

	ChangeRequests(JdbcClient jdbc, FieldCipher cipher, PersonService persons, Clock clock) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.persons = persons;
		this.clock = clock;
	}

	/** A resident asks to add a family member or tenant; the input is checked now so staff see a valid request. */
	@Transactional
	public UUID askToAddMember(UUID communityId, UUID residentId, String name, String idNumber, String relation) {
		PersonService.validate(new PersonService.NewPerson(name, idNumber, null, null), LocalDate.now(this.clock));
		if (!"FAMILY".equals(relation) && !"TENANT".equals(relation)) {
			throw DomainException.invalid("relation", "import.relation.invalid");
		}
		return insert(communityId, residentId, Kind.ADD_MEMBER,
				Map.of("name", TextNormaliser.normalise(name), "idNumber", idNumber.trim(), "relation", relation));
	}

	/** A resident reports an ownership change (sale, inheritance); staff record it from the deed after approval. */
	@Transactional
	public UUID askToChangeOwnership(UUID communityId, UUID residentId, String description) {
		String text = description == null ? "" : description.strip();
		if (text.length() < 4 || text.length() > 500) {
			throw DomainException.invalid("description", "request.description.invalid");
		}
		return insert(communityId, residentId, Kind.OWNERSHIP_CHANGE, Map.of("description", text));
	}

	public List<Request> pending(UUID communityId) {
		return query(communityId, "q.status = 'PENDING'", null);
	}

	public List<Request> ofHousehold(UUID communityId, UUID householdId) {
		return query(communityId, "q.household_id = :h", householdId);
	}

	/** Approves a pending request; an added member moves into the household at once. */
	@Transactional
	public void approve(UUID communityId, UUID requestId, String staff) {
		Request request = lockPending(communityId, requestId);
		if (request.kind() == Kind.ADD_MEMBER) {
			UUID person = this.persons.create(communityId, new PersonService.NewPerson(request.payload().get("name"),
					request.payload().get("idNumber"), null, null));
			UUID room = this.jdbc.sql("select room_id from registry.household where id = :h")
				.param("h", request.householdId()).query(UUID.class).single();
			this.persons.moveIn(communityId, person, room, request.payload().get("relation"), LocalDate.now(this.clock));
		}
		decide(requestId, "APPROVED", staff, null);
	}

	@Transactional
	public void reject(UUID communityId, UUID requestId, String staff, String reason) {
		lockPending(communityId, requestId);
		String text = reason == null ? "" : reason.strip();
		new Violations().require(!text.isEmpty() && text.length() <= 200, "reason", "request.reason.invalid")
			.throwIfAny();
		decide(requestId, "REJECTED", staff, text);
	}

	private Request lockPending(UUID communityId, UUID requestId) {
		Optional<String> status = this.jdbc.sql("""
				select status from registry.change_request where community_id = :c and id = :id for update
				""").param("c", communityId).param("id", requestId).query(String.class).optional();
		if (status.isEmpty()) {
			throw DomainException.notFound("request.notFound");
		}
		if (!status.get().equals("PENDING")) {
			throw DomainException.conflict("request.decided");
		}
		return query(communityId, "q.id = :h", requestId).getFirst();
	}

	private void decide(UUID requestId, String status, String staff, String reason) {
		this.jdbc.sql("""
				update registry.change_request set status = :s, decided_by = :by, decided_at = :now, reason = :reason,
				  version = version + 1 where id = :id
				""").param("s", status).param("by", staff).param("now", Timestamp.from(this.clock.instant()))
			.param("reason", reason).param("id", requestId).update();
	}

	private UUID insert(UUID communityId, UUID residentId, Kind kind, Map<String, String> payload) {
		UUID household = this.jdbc.sql("select household_id from registry.person where community_id = :c and id = :p")
			.param("c", communityId).param("p", residentId).query(UUID.class).optional()
			.orElseThrow(() -> DomainException.notFound("app.household.none"));
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into registry.change_request (id, community_id, household_id, requested_by, kind, payload_enc,
				  created_at) values (:id, :c, :h, :p, :kind, :payload, :now)
				""").param("id", id).param("c", communityId).param("h", household).param("p", residentId)
			.param("kind", kind.name()).param("payload", this.cipher.encrypt(this.json.writeValueAsString(payload)))
			.param("now", Timestamp.from(this.clock.instant())).update();
		return id;
	}

	@SuppressWarnings("unchecked")
	private List<Request> query(UUID communityId, String condition, UUID parameter) {
		var spec = this.jdbc.sql("""
				select q.id, q.household_id, b.name || ' ' || r.unit || '-' || r.number as room, p.name as requester,
				       q.kind, q.payload_enc, q.status, q.reason, q.created_at
				  from registry.change_request q
				  join registry.household h on h.id = q.household_id and h.community_id = q.community_id
				  join registry.room r on r.id = h.room_id and r.community_id = h.community_id
				  join registry.building b on b.id = r.building_id and b.community_id = r.community_id
				  join registry.person p on p.id = q.requested_by and p.community_id = q.community_id
				 where q.community_id = :c and %s order by q.created_at
				""".formatted(condition)).param("c", communityId);
		if (parameter != null) {
			spec = spec.param("h", parameter);
		}
		return spec.query((rs, n) -> new Request(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
				rs.getString("room"), rs.getString("requester"), Kind.valueOf(rs.getString("kind")),
				this.json.readValue(this.cipher.decrypt(rs.getString("payload_enc")), Map.class), rs.getString("status"),
				rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
			.list();
	}

}
