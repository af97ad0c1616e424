-- residents ask, staff decide: adding a member to a household or changing a room's ownership needs approval
create table registry.change_request (
    id            uuid primary key,
    community_id  uuid         not null references registry.community (id),
    household_id  uuid         not null references registry.household (id),
    requested_by  uuid         not null references registry.person (id),
    kind          varchar(20)  not null check (kind in ('ADD_MEMBER', 'OWNERSHIP_CHANGE')),
    payload_enc   text         not null,
    status        varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by    varchar(64),
    decided_at    timestamptz,
    reason        varchar(200),
    created_at    timestamptz  not null,
    version       integer      not null default 0
);
create index change_request_pending_idx on registry.change_request (community_id, status, created_at);
