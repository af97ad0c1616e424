-- concierge: the convenience station (便民服务站) — service catalogue, bookings with slot capacity, parcels, elderly
-- meals (长者助餐). Rooms, households and persons are registry ids; this schema never joins registry tables.
create schema if not exists concierge;

-- per-community settings; a missing row means the defaults (linli.concierge.*)
create table concierge.setting (
    community_id        uuid primary key,
    cancel_hours        integer not null check (cancel_hours between 0 and 168),
    parcel_overdue_days integer not null check (parcel_overdue_days between 1 and 60),
    meal_capacity       integer not null check (meal_capacity between 1 and 5000),
    version             integer not null default 0
);

create table concierge.category (
    id           uuid primary key,
    community_id uuid        not null,
    code         varchar(30) not null,
    name         varchar(60) not null,
    sort_order   integer     not null default 0,
    unique (community_id, code)
);

-- one service of the catalogue; bookable services are booked in slots of slot_minutes within opening hours,
-- at most slot_capacity bookings per slot
create table concierge.service (
    id            uuid primary key,
    community_id  uuid         not null,
    category_id   uuid         not null references concierge.category (id),
    code          varchar(40)  not null,
    name          varchar(60)  not null,
    provider      varchar(100) not null,
    price_fen     bigint       not null check (price_fen >= 0),
    price_unit    varchar(20)  not null,
    opens_at      time         not null,
    closes_at     time         not null,
    bookable      boolean      not null,
    slot_minutes  integer      not null check (slot_minutes between 15 and 480),
    slot_capacity integer      not null check (slot_capacity between 1 and 500),
    active        boolean      not null default true,
    sort_order    integer      not null default 0,
    version       integer      not null default 0,
    unique (community_id, code),
    check (opens_at < closes_at)
);
create index service_community_category_idx on concierge.service (community_id, category_id, sort_order);

-- bookings taken per slot: the guard against overbooking. Taking a place is one atomic upsert that only succeeds
-- while booked < capacity; the check constraint is the last line of defence.
create table concierge.slot_load (
    community_id uuid        not null,
    service_id   uuid        not null references concierge.service (id),
    slot_start   timestamptz not null,
    capacity     integer     not null,
    booked       integer     not null check (booked >= 0 and booked <= capacity),
    primary key (community_id, service_id, slot_start)
);

create table concierge.booking (
    id           uuid primary key,
    community_id uuid         not null,
    service_id   uuid         not null references concierge.service (id),
    household_id uuid         not null,
    room_id      uuid         not null,
    room_label   varchar(80)  not null,
    person_id    uuid,
    slot_start   timestamptz  not null,
    slot_end     timestamptz  not null,
    price_fen    bigint       not null,
    note         varchar(200),
    status       varchar(10)  not null check (status in ('REQUESTED', 'CONFIRMED', 'COMPLETED', 'CANCELLED')),
    assisted     boolean      not null default false,
    created_by   varchar(60)  not null,
    created_at   timestamptz  not null,
    decided_by   varchar(60),
    confirmed_at timestamptz,
    completed_at timestamptz,
    cancelled_at timestamptz,
    cancel_reason varchar(200),
    version      integer      not null default 0
);
create index booking_community_household_idx on concierge.booking (community_id, household_id, slot_start desc);
create index booking_community_slot_idx on concierge.booking (community_id, slot_start, status);
-- a household holds one place per slot of a service (a repeated tap does not take two)
create unique index booking_household_slot_uk on concierge.booking (community_id, service_id, slot_start, household_id)
    where status <> 'CANCELLED';

create table concierge.parcel (
    id              uuid primary key,
    community_id    uuid        not null,
    tracking_number varchar(40) not null,
    carrier         varchar(30) not null,
    room_id         uuid        not null,
    household_id    uuid,
    room_label      varchar(80) not null,
    shelf           varchar(20),
    pickup_code     char(6)     not null,
    status          varchar(10) not null check (status in ('WAITING', 'PICKED_UP')),
    arrived_at      timestamptz not null,
    registered_by   varchar(60) not null,
    picked_up_at    timestamptz,
    handed_over_by  varchar(60),
    version         integer     not null default 0,
    unique (community_id, tracking_number)
);
create index parcel_community_status_idx on concierge.parcel (community_id, status, arrived_at);
create index parcel_community_room_idx on concierge.parcel (community_id, room_id, arrived_at desc);
-- a pickup code names one waiting parcel of the community
create unique index parcel_waiting_code_uk on concierge.parcel (community_id, pickup_code) where status = 'WAITING';

-- 长者助餐: the day's menu, the day's count against its capacity, and one order per person and day
create table concierge.meal_menu (
    community_id    uuid         not null,
    day             date         not null,
    dishes          varchar(500) not null,
    price_fen       bigint       not null check (price_fen >= 0),
    subsidy_fen     bigint       not null check (subsidy_fen >= 0),
    version         integer      not null default 0,
    primary key (community_id, day),
    check (subsidy_fen <= price_fen)
);

create table concierge.meal_day (
    community_id uuid    not null,
    day          date    not null,
    capacity     integer not null,
    ordered      integer not null check (ordered >= 0 and ordered <= capacity),
    primary key (community_id, day)
);

create table concierge.meal_order (
    id           uuid primary key,
    community_id uuid        not null,
    day          date        not null,
    person_id    uuid        not null,
    person_name  varchar(60) not null,
    household_id uuid        not null,
    room_id      uuid        not null,
    room_label   varchar(80) not null,
    delivery     boolean     not null,
    subsidised   boolean     not null,
    price_fen    bigint      not null,
    assisted     boolean     not null,
    ordered_by   varchar(60) not null,
    status       varchar(10) not null check (status in ('ORDERED', 'CANCELLED')),
    created_at   timestamptz not null,
    cancelled_at timestamptz
);
create index meal_order_community_day_idx on concierge.meal_order (community_id, day, status);
create index meal_order_community_household_idx on concierge.meal_order (community_id, household_id, day desc);
create unique index meal_order_person_day_uk on concierge.meal_order (community_id, day, person_id)
    where status = 'ORDERED';
