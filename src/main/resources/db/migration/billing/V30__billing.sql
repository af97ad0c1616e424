-- billing: fee items and rules, bills, payments, receipts, refunds, credit notes, prepaid balances, maintenance fund,
-- arrears reminders and payment plans, meters and readings. Every table is community-scoped: community_id leads
-- every index. Amounts are bigint fen. See docs/adr/0007-billing.md.
create schema if not exists billing;

-- The billing module's own copy of what it bills: rooms with area, use, building and occupancy, refreshed in bulk from
-- RegistryApi before each bill run (billing never reads registry tables).
create table billing.billable_room (
    community_id   uuid          not null,
    room_id        uuid          not null,
    building_id    uuid          not null,
    building       varchar(40)   not null,
    unit           varchar(10)   not null,
    number         varchar(20)   not null,
    area           numeric(10, 2) not null,
    room_use       varchar(20)   not null,
    household_id   uuid,
    occupied_from  date,
    occupied_until date,
    primary key (community_id, room_id)
);
create index billable_room_household_idx on billing.billable_room (community_id, household_id);

create table billing.fee_item (
    id              uuid primary key,
    community_id    uuid         not null,
    code            varchar(40)  not null,
    name            varchar(100) not null,
    kind            varchar(12)  not null check (kind in ('AREA_RATE', 'FIXED', 'PARKING', 'METERED', 'ONE_OFF')),
    cycle           varchar(10)  not null check (cycle in ('MONTH', 'QUARTER', 'YEAR')),
    -- AREA_RATE: fen per m2 per month; FIXED/PARKING: fen per month; METERED: fen per unit consumed
    price_fen       bigint       not null check (price_fen >= 0),
    meter_kind      varchar(12) check (meter_kind in ('WATER', 'ELECTRICITY', 'GAS')),
    effective_from  date         not null,
    effective_until date,
    created_at      timestamptz  not null,
    version         integer      not null default 0,
    unique (community_id, code),
    check (effective_until is null or effective_until >= effective_from),
    check ((kind = 'METERED') = (meter_kind is not null))
);

-- a rate for one room use or one building overrides the item's price; a building rate wins over a use rate
create table billing.fee_rate (
    id           uuid primary key,
    community_id uuid   not null,
    fee_item_id  uuid   not null references billing.fee_item (id),
    room_use     varchar(20),
    building_id  uuid,
    price_fen    bigint not null check (price_fen >= 0),
    check ((room_use is null) <> (building_id is null))
);
create unique index fee_rate_use_uk on billing.fee_rate (community_id, fee_item_id, room_use) where room_use is not null;
create unique index fee_rate_building_uk on billing.fee_rate (community_id, fee_item_id, building_id)
    where building_id is not null;

-- parking spaces (and other per-room subscriptions) a room pays for
create table billing.subscription (
    community_id uuid    not null,
    room_id      uuid    not null,
    fee_item_id  uuid    not null references billing.fee_item (id),
    quantity     integer not null check (quantity > 0),
    since        date    not null,
    until        date,
    primary key (community_id, room_id, fee_item_id)
);

-- exemptions (100%) and reductions for hardship households (困难家庭减免); fee_item_id null = every item
create table billing.reduction (
    id           uuid primary key,
    community_id uuid         not null,
    room_id      uuid         not null,
    fee_item_id  uuid references billing.fee_item (id),
    percent      integer      not null check (percent between 1 and 100),
    reason       varchar(200) not null,
    valid_from   date         not null,
    valid_until  date,
    created_by   varchar(60)  not null,
    created_at   timestamptz  not null
);
create index reduction_community_room_idx on billing.reduction (community_id, room_id);

create table billing.bill_run (
    id           uuid primary key,
    community_id uuid        not null,
    period       varchar(7)  not null,
    created      integer     not null,
    bills        integer     not null,
    total_fen    bigint      not null,
    run_by       varchar(60) not null,
    run_at       timestamptz not null
);
create index bill_run_community_idx on billing.bill_run (community_id, run_at);

-- bills and total of each compound's period as the runs made them (bills are never deleted and their amounts never
-- change, so adding what each run inserted keeps it exact); a re-run answers from here instead of counting
create table billing.period_total (
    community_id uuid       not null,
    period       varchar(7) not null,
    bills        integer    not null,
    total_fen    bigint     not null,
    primary key (community_id, period)
);

create table billing.bill (
    id           uuid primary key,
    community_id uuid         not null,
    room_id      uuid         not null,
    household_id uuid,
    -- no foreign key to fee_item: fee items are never deleted, and the check would cost every bill of a run
    fee_item_id  uuid         not null,
    kind         varchar(10)  not null check (kind in ('PERIODIC', 'METERED', 'ONE_OFF')),
    period       varchar(7)   not null,
    period_start date         not null,
    period_end   date         not null,
    days         integer      not null,
    quantity     numeric(12, 2),
    description  varchar(200),
    source_ref   varchar(100),
    amount_fen   bigint       not null check (amount_fen > 0),
    paid_fen     bigint       not null default 0 check (paid_fen >= 0),
    credited_fen bigint       not null default 0 check (credited_fen >= 0),
    due_date     date         not null,
    created_at   timestamptz  not null,
    check (paid_fen + credited_fen <= amount_fen)
);
-- idempotent bill runs: one bill per room, fee item and period; the period second serves the period's figures.
-- Few indexes on purpose: every index costs every bill of a run (ADR 0007).
create unique index bill_run_uk on billing.bill (community_id, period, room_id, fee_item_id) where kind <> 'ONE_OFF';
create unique index bill_one_off_uk on billing.bill (community_id, source_ref) where kind = 'ONE_OFF';
create index bill_community_room_idx on billing.bill (community_id, room_id, due_date);

-- a bill's amount is never edited: corrections are credit notes
create function billing.bill_amount_fixed() returns trigger language plpgsql as $$
begin
    if new.amount_fen <> old.amount_fen then
        raise exception 'a bill amount is never edited; issue a credit note';
    end if;
    return new;
end $$;
create trigger bill_amount_fixed before update on billing.bill
    for each row execute function billing.bill_amount_fixed();

-- prepaid balance per room (预存款)
create table billing.account (
    community_id uuid   not null,
    room_id      uuid   not null,
    balance_fen  bigint not null default 0 check (balance_fen >= 0),
    primary key (community_id, room_id)
);
create table billing.balance_entry (
    id           uuid primary key,
    community_id uuid        not null,
    room_id      uuid        not null,
    amount_fen   bigint      not null,
    reason       varchar(20) not null,
    reference_id uuid,
    created_at   timestamptz not null
);
create index balance_entry_room_idx on billing.balance_entry (community_id, room_id, created_at);

create table billing.payment (
    id            uuid primary key,
    community_id  uuid         not null,
    room_id       uuid         not null,
    household_id  uuid,
    channel       varchar(10)  not null check (channel in ('CASH', 'TRANSFER', 'POS', 'ONLINE')),
    provider      varchar(20),
    order_no      varchar(64)  not null,
    provider_ref  varchar(100),
    bill_ids      uuid[]       not null default '{}',
    amount_fen    bigint       not null check (amount_fen > 0),
    refunded_fen  bigint       not null default 0 check (refunded_fen >= 0 and refunded_fen <= amount_fen),
    status        varchar(10)  not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    receipt_year  integer,
    receipt_no    integer,
    created_by    varchar(60)  not null,
    created_at    timestamptz  not null,
    paid_at       timestamptz,
    unique (community_id, order_no),
    unique (community_id, receipt_year, receipt_no)
);
create index payment_community_room_idx on billing.payment (community_id, room_id, created_at);

create table billing.allocation (
    id           uuid primary key,
    community_id uuid   not null,
    payment_id   uuid   not null references billing.payment (id),
    bill_id      uuid   not null references billing.bill (id),
    amount_fen   bigint not null
);
create index allocation_payment_idx on billing.allocation (community_id, payment_id);
create index allocation_bill_idx on billing.allocation (community_id, bill_id);

-- receipts are numbered without gaps per community and year: the counter moves in the payment's transaction
create table billing.receipt_counter (
    community_id uuid    not null,
    year         integer not null,
    last_no      integer not null,
    primary key (community_id, year)
);

create table billing.refund (
    id           uuid primary key,
    community_id uuid         not null,
    payment_id   uuid         not null references billing.payment (id),
    amount_fen   bigint       not null check (amount_fen > 0),
    reason       varchar(200) not null,
    status       varchar(10)  not null check (status in ('REQUESTED', 'APPROVED', 'REJECTED')),
    requested_by varchar(60)  not null,
    requested_at timestamptz  not null,
    decided_by   varchar(60),
    decided_at   timestamptz,
    version      integer      not null default 0
);
create index refund_community_idx on billing.refund (community_id, status, requested_at);

create table billing.credit_note (
    id           uuid primary key,
    community_id uuid         not null,
    bill_id      uuid         not null references billing.bill (id),
    amount_fen   bigint       not null check (amount_fen > 0),
    reason       varchar(200) not null,
    created_by   varchar(60)  not null,
    created_at   timestamptz  not null
);
create index credit_note_bill_idx on billing.credit_note (community_id, bill_id);

-- maintenance fund (专项维修资金) per room: contributions in, spending (through governance) out
create table billing.fund_entry (
    id           uuid primary key,
    community_id uuid         not null,
    room_id      uuid         not null,
    kind         varchar(12)  not null check (kind in ('CONTRIBUTION', 'SPENDING')),
    amount_fen   bigint       not null check (amount_fen > 0),
    note         varchar(200),
    created_by   varchar(60)  not null,
    created_at   timestamptz  not null
);
create index fund_entry_room_idx on billing.fund_entry (community_id, room_id, created_at);

create table billing.reminder (
    id              uuid primary key,
    community_id    uuid        not null,
    room_id         uuid        not null,
    household_id    uuid,
    outstanding_fen bigint      not null,
    oldest_due      date        not null,
    issued_by       varchar(60) not null,
    issued_at       timestamptz not null
);
create index reminder_room_idx on billing.reminder (community_id, room_id, issued_at);

create table billing.payment_plan (
    id           uuid primary key,
    community_id uuid        not null,
    room_id      uuid        not null,
    total_fen    bigint      not null check (total_fen > 0),
    instalments  integer     not null check (instalments between 2 and 24),
    first_due    date        not null,
    status       varchar(10) not null check (status in ('ACTIVE', 'COMPLETED', 'CANCELLED')),
    created_by   varchar(60) not null,
    created_at   timestamptz not null
);
create index payment_plan_room_idx on billing.payment_plan (community_id, room_id);

create table billing.meter (
    id           uuid primary key,
    community_id uuid        not null,
    kind         varchar(12) not null check (kind in ('WATER', 'ELECTRICITY', 'GAS')),
    code         varchar(40) not null,
    parent_id    uuid references billing.meter (id),
    room_id      uuid,
    area_name    varchar(60),
    created_at   timestamptz not null,
    unique (community_id, code)
);
create index meter_parent_idx on billing.meter (community_id, parent_id);
create index meter_room_idx on billing.meter (community_id, room_id);

create table billing.meter_reading (
    id           uuid primary key,
    community_id uuid           not null,
    meter_id     uuid           not null references billing.meter (id),
    period       varchar(7)     not null,
    reading      numeric(12, 2) not null check (reading >= 0),
    consumption  numeric(12, 2),
    anomaly      varchar(10) check (anomaly in ('NEGATIVE', 'JUMP')),
    source       varchar(10)    not null check (source in ('MANUAL', 'IMPORT', 'DEVICE')),
    entered_by   varchar(60)    not null,
    entered_at   timestamptz    not null,
    unique (community_id, meter_id, period)
);
create index meter_reading_period_idx on billing.meter_reading (community_id, period);
