create schema if not exists access;

-- Separate, revocable consent to face recognition (DOMAIN.md §4); a guardian consents for an under-14.
create table access.face_consent (
	id uuid primary key,
	community_id uuid not null,
	person_id uuid not null,
	guardian_person_id uuid,
	photo_kept boolean not null default false,
	granted_by varchar(100) not null,
	granted_at timestamptz not null,
	revoked_at timestamptz,
	revoked_by varchar(100)
);
create index face_consent_by_person on access.face_consent (community_id, person_id);

-- A person's ways in: FACE (template reference only; a photo only with consent, encrypted), CARD, QR, PIN (hashed).
create table access.credential (
	id uuid primary key,
	community_id uuid not null,
	person_id uuid not null,
	kind varchar(8) not null,
	card_index varchar(64),
	card_number varchar(200),
	pin_hash varchar(100),
	template_ref varchar(200),
	photo varchar(20000),
	consent_id uuid references access.face_consent (id),
	status varchar(10) not null,
	created_at timestamptz not null,
	revoked_at timestamptz,
	revoked_reason varchar(40),
	version int not null default 0
);
create index credential_by_person on access.credential (community_id, person_id, status);
create unique index credential_card on access.credential (community_id, card_index) where status = 'ACTIVE';

-- Who went through which door when (whereabouts: sensitive, purged after the retention setting).
create table access.access_event (
	community_id uuid not null,
	device_id varchar(64) not null,
	event_id varchar(64) not null,
	person_id uuid,
	pass_id uuid,
	credential_kind varchar(8),
	direction varchar(4),
	result varchar(8) not null,
	occurred_at timestamptz not null,
	primary key (community_id, device_id, event_id)
);
create index access_event_by_door on access.access_event (community_id, device_id, occurred_at desc);
create index access_event_by_person on access.access_event (community_id, person_id, occurred_at desc);
create index access_event_by_time on access.access_event (community_id, occurred_at);

-- A guest pre-registered by a resident, with a time window; the QR code carries a signed token.
create table access.visitor_pass (
	id uuid primary key,
	community_id uuid not null,
	host_person_id uuid not null,
	household_id uuid not null,
	guest_name varchar(60) not null,
	guest_phone varchar(200),
	valid_from timestamptz not null,
	valid_until timestamptz not null,
	status varchar(10) not null,
	created_at timestamptz not null,
	revoked_at timestamptz,
	version int not null default 0
);
create index visitor_pass_by_household on access.visitor_pass (community_id, household_id, valid_from desc);

-- Each verification of a pass at the gate (the visit log, no re-entry by hand).
create table access.visit (
	id uuid primary key,
	community_id uuid not null,
	pass_id uuid not null references access.visitor_pass (id),
	result varchar(12) not null,
	verified_by varchar(100),
	device_id varchar(64),
	verified_at timestamptz not null
);
create index visit_by_pass on access.visit (community_id, pass_id, verified_at);

-- The platform's Ed25519 key for signed QR codes; doors verify with the public key. The private key is sealed
-- with the field key (FieldCipher), which lives outside the database.
create table access.signing_key (
	id int primary key,
	public_key varchar(200) not null,
	private_key varchar(400) not null,
	created_at timestamptz not null
);
