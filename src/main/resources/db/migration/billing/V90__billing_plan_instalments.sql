-- Payment plans (分期缴费计划) track their instalments: each plan covers the overdue bills of its room at the time it
-- was agreed (billing.payment_plan_bill); what is settled of those bills (payments, oldest bill first, and credit
-- notes) fills the instalments in order. A plan ends COMPLETED when they are settled or CANCELLED with a reason.
alter table billing.payment_plan
    add column household_id  uuid,
    add column version       integer not null default 0,
    add column ended_at      timestamptz,
    add column cancel_reason varchar(200),
    add column cancelled_by  varchar(60),
    add check (status <> 'CANCELLED' or cancel_reason is not null);
create index payment_plan_status_idx on billing.payment_plan (community_id, status, created_at);

-- the schedule as agreed: amounts in fen summing exactly to the plan's total (remainder fen on the first ones)
create table billing.payment_plan_instalment (
    community_id uuid    not null,
    plan_id      uuid    not null references billing.payment_plan (id),
    number       integer not null check (number >= 1),
    due_date     date    not null,
    amount_fen   bigint  not null check (amount_fen > 0),
    primary key (community_id, plan_id, number)
);

create table billing.payment_plan_bill (
    community_id uuid not null,
    plan_id      uuid not null references billing.payment_plan (id),
    bill_id      uuid not null references billing.bill (id),
    primary key (community_id, plan_id, bill_id)
);
create index payment_plan_bill_bill_idx on billing.payment_plan_bill (community_id, bill_id);

-- plans agreed before instalments were tracked: their schedule by the same rule, and the room's bills still open
-- and overdue now (what was settled before counts as paid)
insert into billing.payment_plan_instalment (community_id, plan_id, number, due_date, amount_fen)
select p.community_id, p.id, n, (p.first_due + (n - 1) * interval '1 month')::date,
       p.total_fen / p.instalments + case when n <= p.total_fen % p.instalments then 1 else 0 end
  from billing.payment_plan p cross join generate_series(1, p.instalments) as n
 where p.total_fen / p.instalments + case when n <= p.total_fen % p.instalments then 1 else 0 end > 0;
insert into billing.payment_plan_bill (community_id, plan_id, bill_id)
select p.community_id, p.id, b.id
  from billing.payment_plan p
  join billing.bill b on b.community_id = p.community_id and b.room_id = p.room_id
 where p.status = 'ACTIVE' and b.paid_fen + b.credited_fen < b.amount_fen and b.due_date < p.created_at::date;
-- the household a plan was agreed with (what the resident sees): the room's household as billing knows it
update billing.payment_plan p set household_id = r.household_id
  from billing.billable_room r
 where r.community_id = p.community_id and r.room_id = p.room_id and p.household_id is null;
