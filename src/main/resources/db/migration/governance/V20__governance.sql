-- governance: owners' joint decisions (PRC Civil Code Art. 278), proposals, rule documents, voter rolls frozen at
-- opening, ballots, notices; every table is community-scoped with community_id leading its indexes.
create schema if not exists governance;

-- the assembly's rules where the law leaves room (DOMAIN.md §3 settings)
create table governance.community_setting (
    community_id          uuid primary key,
    non_voters            varchar(20) not null default 'NOT_COUNTED'
        check (non_voters in ('NOT_COUNTED', 'FOLLOW_MAJORITY')),
    mediation_target_days integer     not null default 5 check (mediation_target_days between 1 and 90),
    version               integer     not null default 0
);

-- procedural rules and management covenant, one row per version
create table governance.rule_document (
    id           uuid primary key,
    community_id uuid         not null,
    kind         varchar(10)  not null check (kind in ('RULES', 'COVENANT')),
    version_no   integer      not null,
    title        varchar(120) not null,
    body         text         not null,
    vote_id      uuid,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    unique (community_id, kind, version_no)
);

create table governance.proposal (
    id           uuid primary key,
    community_id uuid         not null,
    title        varchar(120) not null,
    matter       varchar(20)  not null,
    body         text         not null,
    drafted_by   varchar(64)  not null,
    drafter_kind varchar(10)  not null check (drafter_kind in ('OWNER', 'COMMITTEE')),
    status       varchar(12)  not null check (status in ('SUBMITTED', 'APPROVED', 'REJECTED', 'VOTING')),
    review_note  varchar(500),
    reviewed_by  varchar(64),
    reviewed_at  timestamptz,
    vote_id      uuid,
    created_at   timestamptz  not null,
    version      integer      not null default 0
);
create index proposal_community_idx on governance.proposal (community_id, created_at desc);

create table governance.vote (
    id                   uuid primary key,
    community_id         uuid          not null,
    proposal_id          uuid references governance.proposal (id),
    title                varchar(120)  not null,
    matter               varchar(20)   not null check (matter in ('RULES', 'COVENANT', 'COMMITTEE', 'PROPERTY_COMPANY',
        'FUND_USE', 'FUND_RAISE', 'REBUILD', 'COMMON_USE_CHANGE', 'OTHER')),
    description          text,
    status               varchar(8)    not null check (status in ('DRAFT', 'OPEN', 'CLOSED')),
    closes_at            timestamptz   not null,
    non_voters           varchar(20)   not null,
    created_by           varchar(64)   not null,
    created_at           timestamptz   not null,
    opened_by            varchar(64),
    opened_at            timestamptz,
    roll_day             date,
    total_area           numeric(14, 2),
    total_owners         integer,
    closed_by            varchar(64),
    closed_at            timestamptz,
    participating_area   numeric(14, 2),
    participating_owners integer,
    approve_area         numeric(14, 2),
    approve_owners       integer,
    reject_area          numeric(14, 2),
    reject_owners        integer,
    abstain_area         numeric(14, 2),
    abstain_owners       integer,
    quorum_met           boolean,
    adopted              boolean,
    version              integer       not null default 0
);
create index vote_community_idx on governance.vote (community_id, created_at desc);

-- the voter roll frozen when the vote opens: one row per counted owner (rooms sharing an owner person are one entry;
-- developer-held rooms and rooms without a recorded owner are one entry); owner names kept as the legal record
create table governance.voter (
    id                   uuid           not null,
    community_id         uuid           not null,
    vote_id              uuid           not null references governance.vote (id),
    position             integer        not null,
    kind                 varchar(10)    not null check (kind in ('OWNER', 'DEVELOPER')),
    area                 numeric(14, 2) not null,
    area_sources         varchar(40)    not null,
    room_ids             uuid[]         not null,
    rooms_label          text           not null,
    person_ids           uuid[]         not null,
    owner_names          text           not null,
    designated_person_id uuid,
    notified_at          timestamptz    not null,
    primary key (community_id, vote_id, id)
);
create index voter_position_idx on governance.voter (community_id, vote_id, position);
create index voter_designated_idx on governance.voter (community_id, vote_id, designated_person_id);

create table governance.attachment (
    id           uuid primary key,
    community_id uuid         not null,
    filename     varchar(200) not null,
    content_type varchar(100) not null,
    sha256       char(64)     not null,
    bytes        bytea        not null,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null
);
create index attachment_community_idx on governance.attachment (community_id, id);

-- one ballot per voter (a refused staff entry may be replaced); staff-entered ballots count once a second account
-- confirms them
create table governance.ballot (
    id            uuid primary key,
    community_id  uuid        not null,
    vote_id       uuid        not null references governance.vote (id),
    voter_id      uuid        not null,
    choice        varchar(8)  not null check (choice in ('APPROVE', 'REJECT', 'ABSTAIN', 'SPOILED')),
    -- the ballot's weight: the entry's exclusive area, copied so the tally reads one table
    area          numeric(14, 2) not null,
    channel       varchar(6)  not null check (channel in ('ONLINE', 'PAPER', 'PROXY')),
    status        varchar(10) not null check (status in ('PENDING', 'COUNTED', 'REFUSED')),
    cast_by       varchar(64) not null,
    person_id     uuid,
    proxy_name    varchar(60),
    attachment_id uuid references governance.attachment (id),
    created_at    timestamptz not null,
    confirmed_by  varchar(64),
    confirmed_at  timestamptz,
    foreign key (community_id, vote_id, voter_id) references governance.voter (community_id, vote_id, id)
);
create unique index ballot_one_per_voter on governance.ballot (community_id, vote_id, voter_id)
    where status <> 'REFUSED';
create index ballot_vote_idx on governance.ballot (community_id, vote_id, status);

-- ballots and the roll are evidence: nothing changes them once the vote has closed, and the roll never loses an entry
create function governance.guard_closed_vote() returns trigger language plpgsql as $$
declare
    vote_status varchar;
begin
    select status into vote_status from governance.vote where id = coalesce(old.vote_id, new.vote_id);
    if tg_op = 'INSERT' then
        if vote_status <> 'OPEN' then
            raise exception 'governance: vote % is not open', new.vote_id using errcode = 'check_violation';
        end if;
        return new;
    end if;
    if vote_status = 'CLOSED' then
        raise exception 'governance: vote % is closed, its % rows are final', old.vote_id, tg_table_name
            using errcode = 'check_violation';
    end if;
    if tg_op = 'DELETE' then
        return old;
    end if;
    return new;
end $$;

create trigger ballot_final before insert or update or delete on governance.ballot
    for each row execute function governance.guard_closed_vote();

create function governance.guard_roll() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'governance: roll entries are never deleted' using errcode = 'check_violation';
    end if;
    if (select status from governance.vote where id = old.vote_id) = 'CLOSED' then
        raise exception 'governance: vote % is closed, its roll is final', old.vote_id using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger voter_final before update or delete on governance.voter
    for each row execute function governance.guard_roll();

-- proof of notice: in-app notice to every entry at opening (voter.notified_at), printed and posted notices here
create table governance.vote_notice (
    id           uuid primary key,
    community_id uuid         not null,
    vote_id      uuid         not null references governance.vote (id),
    kind         varchar(10)  not null check (kind in ('IN_APP', 'PRINTED', 'POSTED')),
    recipients   integer      not null,
    place        varchar(200),
    recorded_by  varchar(64)  not null,
    recorded_at  timestamptz  not null
);
create index vote_notice_idx on governance.vote_notice (community_id, vote_id, recorded_at);
