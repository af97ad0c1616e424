package org.linli.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linli.shared.crypto.FieldCipher;
import org.linli.identity.IdentityApi;
import org.linli.identity.NewAccount;
import org.linli.identity.Role;
import org.linli.support.Api;
import org.linli.support.IdNumbers;
import org.linli.support.LinliIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linli.support.Api.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Duplicate persons merged by staff: rooms, vehicles and phone move to the kept record, history stays. */
@LinliIntegrationTest
class PersonMergeIntegrationTests {

	private static final String PERSONS = "/api/v1/communities/{cid}/persons";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FieldCipher cipher;

	@Autowired
	IdentityApi identity;

	String xingfuli;

	String manager;

	@BeforeEach
	void setUp() throws Exception {
		this.xingfuli = this.jdbc.sql("select id::text from registry.community where code = 'xingfuli'")
			.query(String.class).single();
		this.manager = Api.token(this.mvc, "manager");
	}

	@Test
	void aLegacyDuplicateIsMergedIntoThePersonWithAnIdNumber() throws Exception {
		String kept = create("王合并", IdNumbers.valid("310104", "19520708", 131));
		UUID room = this.jdbc.sql("select id from registry.room where community_id = :c::uuid order by id limit 1")
			.param("c", this.xingfuli).query(UUID.class).single();
		String plate = "沪A" + (10000 + (int) (Math.random() * 89999));
		String legacy = legacy("王合并", "13912345678", room, plate);

		merge(kept, legacy, this.manager).andExpect(status().isOk())
			.andExpect(jsonPath("$.keptPersonId").value(kept))
			.andExpect(jsonPath("$.mergedPersonId").value(legacy));

		assertThat(count("select count(*) from registry.ownership where person_id = :p::uuid and room_id = '" + room
				+ "'", kept)).isEqualTo(1);
		assertThat(count("select count(*) from registry.vehicle where person_id = :p::uuid and plate = '" + plate
				+ "'", kept)).isEqualTo(1);
		assertThat(count("select count(*) from registry.ownership where person_id = :p::uuid", legacy)).isZero();
		this.mvc.perform(bearer(get(PERSONS + "/{id}", this.xingfuli, kept), this.manager))
			.andExpect(jsonPath("$.phone").value("13912345678"))
			.andExpect(jsonPath("$.tags[0]").value("ELDERLY_ALONE"));
		assertThat(this.jdbc.sql("select merged_into::text from registry.person where id = :p::uuid")
			.param("p", legacy).query(String.class).single()).isEqualTo(kept);
		assertThat(this.jdbc.sql("""
				select snapshot ->> 'name' || '|' || (snapshot -> 'vehicleIds' ->> 0) || '|' || merged_by
				  from registry.person_merge where kept_person_id = :k::uuid and merged_person_id = :p::uuid
				""").param("k", kept).param("p", legacy).query(String.class).single())
			.isEqualTo("王合并|" + vehicle(plate) + "|manager");
		assertThat(count("select count(*) from audit.audit_event where action = 'MERGE person' and account = "
				+ "'manager' and detail = 'merged ' || :p", legacy)).isEqualTo(1);

		// the merged record is history now: merging it again is refused
		String other = create("王另一", IdNumbers.valid("310104", "19520709", 132));
		refused(other, legacy, "merge.alreadyMerged");
	}

	@Test
	void theAccountOfTheMergedRecordFollowsItToTheKeptPerson() throws Exception {
		String kept = create("孙账号", IdNumbers.valid("310104", "19580303", 141));
		String legacy = legacy("孙账号", "13912340000", null, null);
		UUID account = this.identity.createAccount(new NewAccount("sun-merge", "Sun#Merge2026", "孙账号",
				Set.of(Role.RESIDENT), Set.of(UUID.fromString(this.xingfuli)), UUID.fromString(legacy), false, false));

		long persons = count("select persons from registry.community_count where community_id = :p::uuid",
				this.xingfuli);
		merge(kept, legacy, this.manager).andExpect(status().isOk());

		// the merged record is history: the community counts one person fewer
		assertThat(count("select persons from registry.community_count where community_id = :p::uuid",
				this.xingfuli)).isEqualTo(persons - 1);
		assertThat(this.jdbc.sql("select person_id::text from identity.account where id = :a").param("a", account)
			.query(String.class).single()).isEqualTo(kept);
		assertThat(count("select count(*) from audit.audit_event where action = 'MERGE person' and detail = "
				+ "'merged ' || :p || ', accounts moved 1'", legacy)).isEqualTo(1);
	}

	@Test
	void mergingAPersonIntoItselfOrPersonsWithDifferentIdNumbersIsRefused() throws Exception {
		String a = create("李相同", IdNumbers.valid("310104", "19600101", 211));
		String b = create("李相同", IdNumbers.valid("310104", "19600101", 212));
		refused(a, a, "merge.same");
		refused(a, b, "merge.idNumber.differ");
		refused(a, UUID.randomUUID().toString(), "merge.person.unknown");
	}

	@Test
	void onlyRegistryWritersMayMerge() throws Exception {
		String a = create("赵权限", IdNumbers.valid("310104", "19700202", 311));
		String b = legacy("赵权限", null, null, null);
		for (String account : List.of("resident", "committee")) {
			merge(a, b, Api.token(this.mvc, account)).andExpect(status().isForbidden());
		}
		assertThat(count("select count(*) from registry.person where id = :p::uuid and merged_into is null", b))
			.isEqualTo(1);
	}

	/** A refusal is a field error on personId and leaves both persons and the merge history as they were. */
	private void refused(String keep, String merge, String code) throws Exception {
		String versions = "select coalesce(sum(version), 0) from registry.person where id in (:p::uuid, '" + keep
				+ "'::uuid)";
		long before = count(versions, merge);
		merge(keep, merge, this.manager).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("personId"))
			.andExpect(jsonPath("$.errors[0].code").value(code));
		assertThat(count(versions, merge)).isEqualTo(before);
		assertThat(count("select count(*) from registry.person_merge where kept_person_id = :p::uuid", keep))
			.isZero();
	}

	private ResultActions merge(String keep, String merge, String token) throws Exception {
		return this.mvc.perform(bearer(post(PERSONS + "/{keep}/merges", this.xingfuli, keep), token)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("personId", merge))));
	}

	private String create(String name, String idNumber) throws Exception {
		return Api.body(this.mvc.perform(bearer(post(PERSONS, this.xingfuli), this.manager)
			.contentType(MediaType.APPLICATION_JSON)
			.content(Api.json(Map.of("name", name, "idNumber", idNumber))))
			.andExpect(status().isCreated())
			.andReturn()).get("id").asString();
	}

	/** A record from before ID numbers were required: name and phone only, owning a room and a vehicle. */
	private String legacy(String name, String phone, UUID room, String plate) {
		UUID id = UUID.randomUUID();
		UUID community = UUID.fromString(this.xingfuli);
		this.jdbc.sql("""
				insert into registry.person (id, community_id, name, relation, created_at, phone_enc, phone_index, tags)
				values (:id, :c, :name, 'OWNER', now(), :enc, :idx, '{ELDERLY_ALONE}')
				""").param("id", id).param("c", community).param("name", name)
			.param("enc", phone == null ? null : this.cipher.encrypt(phone))
			.param("idx", phone == null ? null : this.cipher.blindIndex(phone))
			.update();
		if (room != null) {
			this.jdbc.sql("""
					insert into registry.ownership (id, community_id, room_id, owner_type, person_id, since)
					values (:id, :c, :r, 'PERSON', :p, date '2003-05-01')
					""").param("id", UUID.randomUUID()).param("c", community).param("r", room).param("p", id).update();
		}
		if (plate != null) {
			this.jdbc.sql("""
					insert into registry.vehicle (id, community_id, plate, new_energy, person_id, room_id, created_at)
					values (:id, :c, :plate, false, :p, :r, now())
					""").param("id", UUID.randomUUID()).param("c", community).param("plate", plate).param("p", id)
				.param("r", room).update();
		}
		return id.toString();
	}

	private String vehicle(String plate) {
		return this.jdbc.sql("select id::text from registry.vehicle where community_id = :c::uuid and plate = :plate")
			.param("c", this.xingfuli).param("plate", plate).query(String.class).single();
	}

	private long count(String sql, String person) {
		return this.jdbc.sql(sql).param("p", person).query(Long.class).single();
	}

}
