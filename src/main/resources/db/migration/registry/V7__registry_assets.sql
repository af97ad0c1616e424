-- registry: assets and facilities, each with a public code for its QR label (一物一码), and problem reports
create table registry.asset (
    id           uuid primary key,
    community_id uuid         not null references registry.community (id),
    code         varchar(16)  not null unique,
    type         varchar(20)  not null check (type in ('PIPE', 'METER', 'ELEVATOR', 'CHARGER', 'DOOR', 'CAMERA',
                                                        'PLAYGROUND', 'FIRE_EQUIPMENT', 'LIGHTING', 'OTHER')),
    name         varchar(100) not null,
    building_id  uuid references registry.building (id),
    location     varchar(200),
    status       varchar(20)  not null default 'IN_SERVICE'
        check (status in ('IN_SERVICE', 'FAULTY', 'UNDER_REPAIR', 'RETIRED')),
    created_at   timestamptz  not null,
    version      integer      not null default 0
);
create index asset_community_idx on registry.asset (community_id, type, name);

-- what anyone reported by scanning the label; the work-order module turns these into work orders
create table registry.asset_report (
    id             uuid primary key,
    community_id   uuid         not null references registry.community (id),
    asset_id       uuid         not null references registry.asset (id),
    description    varchar(500) not null,
    phone_enc      text,
    reported_at    timestamptz  not null,
    source_address varchar(64)
);
create index asset_report_asset_idx on registry.asset_report (community_id, asset_id, reported_at);
