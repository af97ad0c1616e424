create schema if not exists renovation;

-- a compound's renovation project: four phases over 24 months, six control milestones, a 5% contingency reserve
create table renovation.project (
    id                        uuid primary key,
    community_id              uuid         not null,
    name                      varchar(200) not null,
    starts_on                 date         not null,
    contingency_fen           bigint       not null,
    contingency_released_fen  bigint       not null default 0,
    contingency_plan_open     boolean      not null default false,
    replan_required           boolean      not null default false,
    created_at                timestamptz  not null,
    version                   int          not null default 0
);
create index project_community_idx on renovation.project (community_id, created_at);

create table renovation.phase (
    community_id     uuid        not null,
    project_id       uuid        not null references renovation.project (id),
    number           int         not null,
    code             varchar(20) not null,
    start_month      int         not null,
    end_month        int         not null,
    progress_percent int         not null default 0,
    primary key (project_id, number)
);
create index phase_community_idx on renovation.phase (community_id, project_id);

create table renovation.milestone (
    community_id uuid         not null,
    project_id   uuid         not null references renovation.project (id),
    code         varchar(4)   not null,
    due_month    int          not null,
    achieved_on  date,
    note         varchar(500),
    primary key (project_id, code)
);
create index milestone_community_idx on renovation.milestone (community_id, project_id);

create table renovation.budget_line (
    id           uuid primary key,
    community_id uuid         not null,
    project_id   uuid         not null references renovation.project (id),
    code         varchar(30)  not null,
    name         varchar(200) not null,
    phase        int          not null,
    amount_fen   bigint       not null,
    version      int          not null default 0,
    unique (project_id, code)
);
create index budget_line_community_idx on renovation.budget_line (community_id, project_id);

-- 三审: project unit, finance, third party; one recorded approval each, in that order
create table renovation.budget_review (
    community_id uuid         not null,
    project_id   uuid         not null references renovation.project (id),
    step         varchar(20)  not null,
    reviewer     varchar(200) not null,
    reference    varchar(100),
    recorded_by  varchar(64)  not null,
    recorded_at  timestamptz  not null,
    primary key (project_id, step)
);
create index budget_review_community_idx on renovation.budget_review (community_id, project_id);

create table renovation.funding_source (
    community_id uuid        not null,
    project_id   uuid        not null references renovation.project (id),
    kind         varchar(20) not null,
    planned_fen  bigint      not null,
    primary key (project_id, kind)
);
create index funding_source_community_idx on renovation.funding_source (community_id, project_id);

create table renovation.fund_receipt (
    id           uuid primary key,
    community_id uuid         not null,
    project_id   uuid         not null references renovation.project (id),
    kind         varchar(20)  not null,
    amount_fen   bigint       not null,
    received_on  date         not null,
    reference    varchar(100) not null,
    recorded_by  varchar(64)  not null,
    ledger_index bigint       not null
);
create index fund_receipt_community_idx on renovation.fund_receipt (community_id, project_id);

create table renovation.contract (
    id              uuid primary key,
    community_id    uuid         not null,
    project_id      uuid         not null references renovation.project (id),
    budget_line_id  uuid         not null references renovation.budget_line (id),
    contractor      varchar(200) not null,
    title           varchar(200) not null,
    amount_fen      bigint       not null,
    signed_on       date         not null,
    warranty_months int          not null,
    accepted_on     date,
    version         int          not null default 0
);
create index contract_community_idx on renovation.contract (community_id, project_id);

create table renovation.disbursement (
    id                     uuid primary key,
    community_id           uuid         not null,
    project_id             uuid         not null references renovation.project (id),
    contract_id            uuid         not null references renovation.contract (id),
    stage                  varchar(20)  not null,
    amount_fen             bigint       not null,
    purpose                varchar(500) not null,
    maintenance_fund       boolean      not null default false,
    vote_id                uuid,
    emergency_kind         varchar(30),
    emergency_confirmed_by varchar(64),
    emergency_confirmed_at timestamptz,
    status                 varchar(20)  not null,
    requested_by           varchar(64)  not null,
    requested_at           timestamptz  not null,
    disbursed_at           timestamptz,
    ledger_index           bigint,
    version                int          not null default 0
);
create index disbursement_community_idx on renovation.disbursement (community_id, project_id, requested_at);
create index disbursement_contract_idx on renovation.disbursement (community_id, contract_id);

-- three signatures by three different accounts, one per role
create table renovation.signature (
    community_id    uuid        not null,
    disbursement_id uuid        not null references renovation.disbursement (id),
    role            varchar(30) not null,
    account_id      uuid        not null,
    username        varchar(64) not null,
    signed_at       timestamptz not null,
    ledger_index    bigint      not null,
    primary key (disbursement_id, role),
    unique (disbursement_id, account_id)
);
create index signature_community_idx on renovation.signature (community_id, disbursement_id);

create table renovation.change_request (
    id             uuid primary key,
    community_id   uuid         not null,
    project_id     uuid         not null references renovation.project (id),
    budget_line_id uuid         not null references renovation.budget_line (id),
    delta_fen      bigint       not null,
    reason         varchar(500) not null,
    level          varchar(20)  not null,
    status         varchar(20)  not null,
    decision_ref   varchar(100),
    requested_by   varchar(64)  not null,
    requested_at   timestamptz  not null,
    decided_by     varchar(64),
    decided_at     timestamptz,
    version        int          not null default 0
);
create index change_request_community_idx on renovation.change_request (community_id, project_id);

create table renovation.contingency_release (
    id             uuid primary key,
    community_id   uuid         not null,
    project_id     uuid         not null references renovation.project (id),
    budget_line_id uuid         not null references renovation.budget_line (id),
    amount_fen     bigint       not null,
    decision_ref   varchar(100) not null,
    decided_by     varchar(64)  not null,
    decided_at     timestamptz  not null
);
create index contingency_release_community_idx on renovation.contingency_release (community_id, project_id);

-- resident supervisors (one per 50 households) and their objections, which must be answered
create table renovation.supervisor (
    community_id uuid        not null,
    project_id   uuid        not null references renovation.project (id),
    account_id   uuid        not null,
    username     varchar(64) not null,
    appointed_at timestamptz not null,
    primary key (project_id, account_id)
);
create index supervisor_community_idx on renovation.supervisor (community_id, account_id);

create table renovation.objection (
    id           uuid primary key,
    community_id uuid          not null,
    project_id   uuid          not null references renovation.project (id),
    filed_by     varchar(64)   not null,
    text         varchar(2000) not null,
    filed_at     timestamptz   not null,
    answer       varchar(2000),
    answered_by  varchar(64),
    answered_at  timestamptz
);
create index objection_community_idx on renovation.objection (community_id, project_id, filed_at);
