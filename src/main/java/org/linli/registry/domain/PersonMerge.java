package org.linli.registry.domain;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.linli.audit.AuditApi;
import org.linli.audit.AuditRecord;
import org.linli.identity.IdentityApi;
import org.linli.shared.web.Violations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges two records of one person, as legacy imports leave them: the kept person takes over ownerships, residences
 * and vehicles, a missing phone, the tags and (if it has none) the household. The merged record is not deleted but
 * marked, and a snapshot of it is kept, so that history and audits still find what was there.
 */
@Service
public class PersonMerge {

	/** What the merge needs to know of each person, read under a row lock. */
	private record Candidate(UUID id, String idNumberIndex, UUID mergedInto) {
	}

	private final JdbcClient jdbc;

	private final AuditApi audit;

	private final IdentityApi identity;

	private final Clock clock;

	PersonMerge(JdbcClient jdbc, AuditApi audit, IdentityApi identity, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.identity = identity;
		this.clock = clock;
	}

	/** Merges {@code mergeId} into {@code keepId}; returns the kept person's id. */
	@Transactional
	public UUID merge(UUID communityId, UUID keepId, UUID mergeId, String byUsername) {
		List<Candidate> found = this.jdbc.sql("""
				select id, id_number_index, merged_into from registry.person
				 where community_id = :c and id in (:k, :m) order by id for update
				""").param("c", communityId).param("k", keepId).param("m", mergeId)
			.query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("id_number_index"),
					rs.getObject("merged_into", UUID.class)))
			.list();
		Candidate keep = found.stream().filter(p -> p.id().equals(keepId)).findFirst().orElse(null);
		Candidate merged = found.stream().filter(p -> p.id().equals(mergeId)).findFirst().orElse(null);
		check(keep, merged);
		snapshot(communityId, keepId, mergeId, byUsername);
		for (String table : List.of("registry.ownership", "registry.residence", "registry.vehicle")) {
			this.jdbc.sql("update " + table + " set person_id = :k where community_id = :c and person_id = :m")
				.param("k", keepId).param("c", communityId).param("m", mergeId).update();
		}
		this.jdbc.sql("""
				update registry.person k
				   set phone_enc = coalesce(k.phone_enc, m.phone_enc),
				       phone_index = case when k.phone_enc is null then m.phone_index else k.phone_index end,
				       tags = k.tags || array(select t from unnest(m.tags) t where t <> all(k.tags)),
				       household_id = coalesce(k.household_id, m.household_id),
				       relation = case when k.household_id is null and m.household_id is not null
				                       then m.relation else k.relation end,
				       version = k.version + 1
				  from registry.person m
				 where k.community_id = :c and k.id = :k and m.community_id = :c and m.id = :m
				""").param("c", communityId).param("k", keepId).param("m", mergeId).update();
		this.jdbc.sql("""
				update registry.person set merged_into = :k, household_id = null, version = version + 1
				 where community_id = :c and id = :m
				""").param("k", keepId).param("c", communityId).param("m", mergeId).update();
		// in the same transaction: an account never points at a record that no longer lives anywhere
		int accounts = this.identity.personMerged(mergeId, keepId);
		this.audit.record(new AuditRecord(byUsername, "MERGE person",
				"/api/v1/communities/" + communityId + "/persons/" + keepId, AuditRecord.Result.SUCCESS, null,
				accounts == 0 ? "merged " + mergeId : "merged " + mergeId + ", accounts moved " + accounts));
		return keepId;
	}

	/** Every reason to refuse, as field errors on {@code personId}, the person to merge. */
	private static void check(Candidate keep, Candidate merged) {
		Violations violations = new Violations();
		if (keep == null || merged == null) {
			violations.add("personId", "merge.person.unknown");
		}
		else if (keep.id().equals(merged.id())) {
			violations.add("personId", "merge.same");
		}
		else if (keep.mergedInto() != null || merged.mergedInto() != null) {
			violations.add("personId", "merge.alreadyMerged");
		}
		else if (keep.idNumberIndex() != null && merged.idNumberIndex() != null
				&& !keep.idNumberIndex().equals(merged.idNumberIndex())) {
			violations.add("personId", "merge.idNumber.differ");
		}
		violations.throwIfAny();
	}

	/** The merged person as it was, with the rows about to move, written before anything changes. */
	private void snapshot(UUID communityId, UUID keepId, UUID mergeId, String byUsername) {
		this.jdbc.sql("""
				insert into registry.person_merge (id, community_id, kept_person_id, merged_person_id, merged_by,
				  merged_at, snapshot)
				select :id, :c, :k, m.id, :by, :now, jsonb_build_object(
				  'name', m.name, 'relation', m.relation, 'householdId', m.household_id, 'tags', to_jsonb(m.tags),
				  'ownershipIds', (select coalesce(jsonb_agg(o.id), '[]') from registry.ownership o
				                    where o.community_id = :c and o.person_id = m.id),
				  'residenceIds', (select coalesce(jsonb_agg(r.id), '[]') from registry.residence r
				                    where r.community_id = :c and r.person_id = m.id),
				  'vehicleIds', (select coalesce(jsonb_agg(v.id), '[]') from registry.vehicle v
				                  where v.community_id = :c and v.person_id = m.id))
				  from registry.person m where m.community_id = :c and m.id = :m
				""").param("id", UUID.randomUUID()).param("c", communityId).param("k", keepId).param("by", byUsername)
			.param("now", Timestamp.from(this.clock.instant())).param("m", mergeId).update();
	}

}
