-- registry: the community database (compound -> building -> room -> household -> person), ownership history
create schema if not exists registry;

create table registry.community (
    id               uuid primary key,
    code             varchar(40)  not null unique,
    name             varchar(100) not null,
    address          varchar(200),
    built_year       integer,
    created_at       timestamptz  not null,
    version          integer      not null default 0
);

create table registry.building (
    id           uuid primary key,
    community_id uuid        not null references registry.community (id),
    name         varchar(40) not null,
    sort_order   integer     not null default 0,
    has_elevator boolean     not null default false,
    unique (community_id, name)
);

create table registry.room (
    id             uuid primary key,
    community_id   uuid          not null references registry.community (id),
    building_id    uuid          not null references registry.building (id),
    unit           varchar(10)   not null,
    floor          integer       not null,
    number         varchar(20)   not null,
    exclusive_area numeric(10, 2) not null check (exclusive_area > 0),
    area_source    varchar(10)   not null check (area_source in ('REGISTERED', 'SURVEYED', 'CONTRACT')),
    gross_area     numeric(10, 2),
    room_use       varchar(20)   not null default 'RESIDENTIAL',
    has_elevator   boolean       not null default false,
    unique (community_id, building_id, unit, number)
);
create index room_community_building_idx on registry.room (community_id, building_id);

create table registry.household (
    id           uuid primary key,
    community_id uuid not null references registry.community (id),
    room_id      uuid not null references registry.room (id),
    since        date
);
create index household_community_room_idx on registry.household (community_id, room_id);

create table registry.person (
    id           uuid primary key,
    community_id uuid         not null references registry.community (id),
    household_id uuid references registry.household (id),
    name         varchar(60)  not null,
    gender       char(1),
    birth_date   date,
    relation     varchar(12)  not null default 'FAMILY'
        check (relation in ('OWNER', 'CO_OWNER', 'FAMILY', 'TENANT', 'OTHER')),
    created_at   timestamptz  not null
);
create index person_community_household_idx on registry.person (community_id, household_id);

-- who owns a room and since when; several current PERSON rows for one room are co-owners
create table registry.ownership (
    id           uuid primary key,
    community_id uuid        not null references registry.community (id),
    room_id      uuid        not null references registry.room (id),
    owner_type   varchar(10) not null check (owner_type in ('PERSON', 'DEVELOPER')),
    person_id    uuid references registry.person (id),
    since        date        not null,
    until        date,
    check ((owner_type = 'PERSON') = (person_id is not null))
);
create index ownership_community_room_idx on registry.ownership (community_id, room_id);
create index ownership_person_idx on registry.ownership (community_id, person_id);
