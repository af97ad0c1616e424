-- the life of an asset: every status change with who, when and why (the hook maintenance records attach to)
create table registry.asset_event (
    id           uuid primary key,
    community_id uuid         not null references registry.community (id),
    asset_id     uuid         not null references registry.asset (id),
    from_status  varchar(20)  not null,
    to_status    varchar(20)  not null,
    note         varchar(500),
    changed_by   varchar(64)  not null,
    changed_at   timestamptz  not null
);
create index asset_event_asset_idx on registry.asset_event (community_id, asset_id, changed_at);
