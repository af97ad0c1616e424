-- workorder: repairs and complaints (报修、投诉) with the SLA clock, dispatch, escalation, rating and return visits
create schema if not exists workorder;

-- categories are per-community settings, seeded with the defaults on first use; targets are for level NORMAL
create table workorder.category (
    community_id        uuid        not null,
    code                varchar(30) not null,
    kind                varchar(10) not null check (kind in ('REPAIR', 'COMPLAINT')),
    name                varchar(60),            -- null: the translated default name of the code
    skill               varchar(30),            -- what a technician must know for automatic dispatch
    acknowledge_minutes integer     not null check (acknowledge_minutes > 0),
    resolve_minutes     integer     not null check (resolve_minutes > 0),
    sort_order          integer     not null default 0,
    active              boolean     not null default true,
    primary key (community_id, code)
);

-- stricter targets for the higher response levels; the effective target is the smaller of category and level
create table workorder.level_target (
    community_id        uuid        not null,
    level               varchar(10) not null check (level in ('EMERGENCY', 'URGENT')),
    acknowledge_minutes integer     not null check (acknowledge_minutes > 0),
    resolve_minutes     integer     not null check (resolve_minutes > 0),
    primary key (community_id, level)
);

create table workorder.technician_skill (
    community_id uuid        not null,
    account_id   uuid        not null,
    skill        varchar(30) not null,
    primary key (community_id, account_id, skill)
);

create table workorder.work_order (
    id                   uuid primary key,
    community_id         uuid          not null,
    kind                 varchar(10)   not null check (kind in ('REPAIR', 'COMPLAINT')),
    category             varchar(30)   not null,
    level                varchar(10)   not null check (level in ('EMERGENCY', 'URGENT', 'NORMAL')),
    room_id              uuid,
    asset_id             uuid,
    description          varchar(1000) not null,
    status               varchar(20)   not null,
    resume_status        varchar(20),
    channel              varchar(10)   not null check (channel in ('APP', 'ASSISTED', 'QR_SCAN')),
    reporter_person_id   uuid,
    reporter_account_id  uuid,
    contact              varchar(100),
    filed_by             varchar(64)   not null,
    created_at           timestamptz   not null,
    -- the SLA clock: targets fixed at filing, time spent waiting for the resident added to both deadlines
    acknowledge_minutes  integer       not null,
    resolve_minutes      integer       not null,
    paused_seconds       bigint        not null default 0,
    paused_since         timestamptz,
    acknowledge_by       timestamptz   not null,
    resolve_by           timestamptz   not null,
    acknowledged_at      timestamptz,
    assigned_at          timestamptz,
    started_at           timestamptz,
    resolved_at          timestamptz,
    closed_at            timestamptz,
    assignee_account_id  uuid,
    assignee_name        varchar(100),
    -- 0 none, 1 supervisor, 2 manager: each level is notified once per deadline
    acknowledge_escalation smallint    not null default 0,
    resolve_escalation   smallint      not null default 0,
    materials            varchar(500),
    fee_fen              bigint check (fee_fen is null or fee_fen >= 0),
    rating               smallint check (rating between 1 and 5),
    rating_comment       varchar(500),
    return_visit_at      timestamptz,
    return_visit_by      varchar(64),
    return_visit_note    varchar(500),
    source_report_id     uuid unique,
    version              integer       not null default 0
);
create index work_order_community_created_idx on workorder.work_order (community_id, created_at desc);
create index work_order_community_open_idx on workorder.work_order (community_id, status)
    where status not in ('RESOLVED', 'CLOSED');
create index work_order_community_assignee_idx on workorder.work_order (community_id, assignee_account_id, status);
create index work_order_community_reporter_idx on workorder.work_order (community_id, reporter_person_id);
create index work_order_community_room_idx on workorder.work_order (community_id, room_id);

-- every step of an order: what happened, from which status to which, who did it and when
create table workorder.step (
    id           uuid primary key,
    community_id uuid         not null,
    order_id     uuid         not null references workorder.work_order (id),
    action       varchar(30)  not null,
    from_status  varchar(20),
    to_status    varchar(20)  not null,
    actor        varchar(64)  not null,
    note         varchar(1000),
    at           timestamptz  not null
);
create index step_community_order_idx on workorder.step (community_id, order_id, at);

-- photos are kept in the database with the order: one backup holds everything, size is capped per photo
create table workorder.photo (
    id           uuid primary key,
    community_id uuid        not null,
    order_id     uuid        not null references workorder.work_order (id),
    step_id      uuid references workorder.step (id),
    content_type varchar(20) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
    size_bytes   integer     not null,
    data         bytea       not null,
    uploaded_by  varchar(64) not null,
    uploaded_at  timestamptz not null
);
create index photo_community_order_idx on workorder.photo (community_id, order_id);
