-- Changing the designated voter of a co-owned roll entry (共有人推选的投票人): the co-owners' written designation is
-- attached, the reason recorded; only while the vote is open and the entry has no counted or pending ballot (the
-- service checks the ballots under a lock on the entry). Designations are evidence: never changed nor deleted.
create table governance.designation (
    id             uuid primary key,
    community_id   uuid         not null,
    vote_id        uuid         not null,
    voter_id       uuid         not null,
    from_person_id uuid,
    to_person_id   uuid         not null,
    to_name        varchar(60)  not null,
    reason         varchar(500) not null,
    attachment_id  uuid         not null references governance.attachment (id),
    changed_by     varchar(64)  not null,
    changed_at     timestamptz  not null,
    foreign key (community_id, vote_id, voter_id) references governance.voter (community_id, vote_id, id)
);
create index designation_voter_idx on governance.designation (community_id, vote_id, voter_id, changed_at);

create function governance.guard_designation() returns trigger language plpgsql as $$
begin
    if tg_op <> 'INSERT' then
        raise exception 'governance: designations are never changed' using errcode = 'check_violation';
    end if;
    if (select status from governance.vote where id = new.vote_id) <> 'OPEN' then
        raise exception 'governance: vote % is not open', new.vote_id using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger designation_final before insert or update or delete on governance.designation
    for each row execute function governance.guard_designation();

-- the roll: still nothing after the close and never a deletion; while open only the designated voter may change
create or replace function governance.guard_roll() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'governance: roll entries are never deleted' using errcode = 'check_violation';
    end if;
    if (select status from governance.vote where id = old.vote_id) = 'CLOSED' then
        raise exception 'governance: vote % is closed, its roll is final', old.vote_id using errcode = 'check_violation';
    end if;
    if (to_jsonb(new) - 'designated_person_id') <> (to_jsonb(old) - 'designated_person_id') then
        raise exception 'governance: only the designated voter of a roll entry may change' using errcode = 'check_violation';
    end if;
    return new;
end $$;
