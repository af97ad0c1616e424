-- registry: regions above compounds; persons with encrypted identifiers and blind indexes; residence history
create table registry.region (
    id        uuid primary key,
    parent_id uuid references registry.region (id),
    level     varchar(10)  not null check (level in ('PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'COMMUNITY')),
    code      varchar(20),
    name      varchar(100) not null,
    unique (parent_id, name)
);
alter table registry.community add column region_id uuid references registry.region (id);

-- ID numbers and mobile numbers are stored encrypted (AES-GCM, key outside the database); the *_index columns hold
-- keyed HMACs of the normalised value so that exact search and duplicate detection work without the clear value.
alter table registry.person
    add column id_type         varchar(20) not null default 'RESIDENT_ID'
        check (id_type in ('RESIDENT_ID', 'PASSPORT', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'FOREIGN_PERMANENT', 'OTHER')),
    add column id_number_enc   text,
    add column id_number_index char(64),
    add column phone_enc       text,
    add column phone_index     char(64),
    add column tags            varchar(20)[] not null default '{}',
    add column version         integer not null default 0;
create unique index person_id_number_uk on registry.person (community_id, id_number_index)
    where id_number_index is not null;
create index person_phone_idx on registry.person (community_id, phone_index) where phone_index is not null;
create index person_name_idx on registry.person (community_id, name);

-- who lived where and when (move-in / move-out); the current household is person.household_id
create table registry.residence (
    id           uuid primary key,
    community_id uuid        not null references registry.community (id),
    person_id    uuid        not null references registry.person (id),
    room_id      uuid        not null references registry.room (id),
    relation     varchar(12) not null check (relation in ('OWNER', 'CO_OWNER', 'FAMILY', 'TENANT', 'OTHER')),
    since        date,
    until        date
);
create index residence_community_person_idx on registry.residence (community_id, person_id);
create index residence_community_room_idx on registry.residence (community_id, room_id);

create index room_community_order_idx on registry.room (community_id, building_id, unit, floor, number);
