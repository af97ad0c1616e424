-- Monthly parking (月租车位): a vehicle's subscription for a space at a PARKING fee item's price, from a day until a
-- day. The bill run charges each room one parking bill per item and period: the sum of its subscriptions, each
-- prorated by its own dates, rounded once.
create table billing.parking_subscription (
    id           uuid primary key,
    community_id uuid        not null,
    room_id      uuid        not null,
    fee_item_id  uuid        not null references billing.fee_item (id),
    plate        varchar(10) not null,
    space        varchar(20) not null,
    since        date        not null,
    until        date,
    created_by   varchar(60) not null,
    created_at   timestamptz not null,
    ended_by     varchar(60),
    version      integer     not null default 0,
    check (until is null or until >= since)
);
create index parking_subscription_room_idx on billing.parking_subscription (community_id, room_id);
-- one current subscription per space and per vehicle
create unique index parking_subscription_space_uk on billing.parking_subscription (community_id, space)
    where until is null;
create unique index parking_subscription_plate_uk on billing.parking_subscription (community_id, plate)
    where until is null;

-- the registry's change counter (RegistryApi.billableVersions) as of billing's last refresh of each compound
create table billing.projection_state (
    community_id     uuid   primary key,
    registry_version bigint not null
);
