-- registry: vehicles, linked to a person and (optionally) a room; plates validated (ordinary and new-energy)
create table registry.vehicle (
    id           uuid primary key,
    community_id uuid        not null references registry.community (id),
    plate        varchar(10) not null,
    new_energy   boolean     not null,
    person_id    uuid        not null references registry.person (id),
    room_id      uuid references registry.room (id),
    created_at   timestamptz not null,
    unique (community_id, plate)
);
create index vehicle_community_person_idx on registry.vehicle (community_id, person_id);
