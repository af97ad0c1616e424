-- governance: joint meetings of the four parties (四方联席会议) with action items, and three-level mediation (矛盾调解)
create table governance.meeting (
    id           uuid primary key,
    community_id uuid         not null,
    title        varchar(120) not null,
    held_on      date         not null,
    location     varchar(120),
    agenda       text         not null,
    minutes      text,
    decisions    text,
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    version      integer      not null default 0
);
create index meeting_community_idx on governance.meeting (community_id, held_on desc);

-- who attended for which of the four parties: party organisation, owners' committee, property company, residents
create table governance.meeting_attendee (
    meeting_id   uuid        not null references governance.meeting (id),
    community_id uuid        not null,
    party        varchar(12) not null check (party in ('PARTY', 'COMMITTEE', 'PROPERTY', 'RESIDENTS')),
    name         varchar(60) not null,
    primary key (meeting_id, party, name)
);
create index meeting_attendee_idx on governance.meeting_attendee (community_id, meeting_id);

create table governance.action_item (
    id           uuid primary key,
    community_id uuid         not null,
    meeting_id   uuid         not null references governance.meeting (id),
    title        varchar(200) not null,
    owner_name   varchar(60)  not null,
    owner_party  varchar(12)  not null check (owner_party in ('PARTY', 'COMMITTEE', 'PROPERTY', 'RESIDENTS')),
    due_on       date         not null,
    done_on      date,
    done_by      varchar(64),
    created_at   timestamptz  not null
);
create index action_item_open_idx on governance.action_item (community_id, due_on) where done_on is null;
create index action_item_meeting_idx on governance.action_item (community_id, meeting_id);

create table governance.mediation_case (
    id            uuid primary key,
    community_id  uuid         not null,
    title         varchar(120) not null,
    category      varchar(12)  not null
        check (category in ('PARKING', 'NOISE', 'LEAK', 'FEES', 'PETS', 'NEIGHBOUR', 'RENOVATION', 'OTHER')),
    description   text         not null,
    level         varchar(10)  not null check (level in ('BUILDING', 'COMMUNITY', 'JUDICIAL')),
    status        varchar(10)  not null check (status in ('OPEN', 'RESOLVED', 'REFERRED')),
    opened_at     timestamptz  not null,
    due_at        timestamptz  not null,
    closed_at     timestamptz,
    outcome       text,
    satisfaction  varchar(12) check (satisfaction in ('SATISFIED', 'NEUTRAL', 'DISSATISFIED')),
    mediator      varchar(60),
    created_by    varchar(64)  not null,
    version       integer      not null default 0
);
create index mediation_case_idx on governance.mediation_case (community_id, status, opened_at desc);

create table governance.mediation_party (
    case_id      uuid         not null references governance.mediation_case (id),
    community_id uuid         not null,
    position     integer      not null,
    name         varchar(60)  not null,
    room_label   varchar(60),
    primary key (case_id, position)
);

-- each step up the three levels, with why
create table governance.mediation_step (
    id           uuid primary key,
    case_id      uuid         not null references governance.mediation_case (id),
    community_id uuid         not null,
    level        varchar(10)  not null,
    note         varchar(500),
    recorded_by  varchar(64)  not null,
    recorded_at  timestamptz  not null
);
create index mediation_step_idx on governance.mediation_step (community_id, case_id, recorded_at);
