-- The frozen roll as one document per vote (ADR 0006, docs/performance-governance-s4.md): opening a vote writes the
-- roll once, as one binary value with its SHA-256, instead of 100,000 wide rows; governance.voter and
-- governance.voter_person are expanded from it right after the opening commits, or first by whoever reads the entries
-- before that (the service locks this row while expanding, so nobody sees a partial roll). The document is evidence:
-- never deleted, never changed; only the moment its entries were expanded is recorded once.
create table governance.vote_roll (
    community_id uuid        not null,
    vote_id      uuid        not null,
    entries      integer     not null,
    sha256       bytea       not null,
    -- layout in RollDocument.java; mostly random uuids, so stored without compression
    document     bytea       not null,
    frozen_at    timestamptz not null,
    expanded_at  timestamptz,
    primary key (community_id, vote_id)
);
alter table governance.vote_roll alter column document set storage external;

-- (by the columns an update names, so no check ever reads the document itself)
create function governance.guard_roll_document() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'governance: roll documents are never deleted' using errcode = 'check_violation';
    end if;
    if tg_argv[0] = 'frozen' or old.expanded_at is not null or new.expanded_at is null then
        raise exception 'governance: a frozen roll never changes' using errcode = 'check_violation';
    end if;
    return new;
end $$;

create trigger vote_roll_kept before delete on governance.vote_roll
    for each row execute function governance.guard_roll_document('kept');
create trigger vote_roll_frozen before update of community_id, vote_id, entries, sha256, document, frozen_at
    on governance.vote_roll for each row execute function governance.guard_roll_document('frozen');
create trigger vote_roll_expanded before update of expanded_at on governance.vote_roll
    for each row execute function governance.guard_roll_document('expanded');

-- The document of a roll frozen before this migration, from its entries, in the layout RollDocument writes (the
-- designated voter as at the opening: the one a recorded change of designation started from, if any).
create function governance.roll_document(c uuid, v uuid) returns bytea language sql stable as $$
    select '\x4c4c5231'::bytea || int4send(count(*)::integer)
           || coalesce(string_agg(
                  uuid_send(e.id) || int4send(e.position)
                  || int4send(octet_length(convert_to(e.kind, 'UTF8'))) || convert_to(e.kind, 'UTF8')
                  || int8send((e.area * 100)::bigint)
                  || int4send(octet_length(convert_to(e.area_sources, 'UTF8'))) || convert_to(e.area_sources, 'UTF8')
                  || int4send(cardinality(e.room_ids))
                  || coalesce((select string_agg(uuid_send(r.id), ''::bytea order by r.n)
                                 from unnest(e.room_ids) with ordinality as r (id, n)), ''::bytea)
                  || int4send(octet_length(convert_to(e.rooms_label, 'UTF8'))) || convert_to(e.rooms_label, 'UTF8')
                  || int4send(cardinality(e.person_ids))
                  || coalesce((select string_agg(uuid_send(p.id), ''::bytea order by p.n)
                                 from unnest(e.person_ids) with ordinality as p (id, n)), ''::bytea)
                  || int4send(octet_length(convert_to(e.owner_names, 'UTF8'))) || convert_to(e.owner_names, 'UTF8')
                  || case when e.designated is null then int4send(0) else int4send(1) || uuid_send(e.designated) end,
                  ''::bytea order by e.position), ''::bytea)
      from (select x.id, x.position, x.kind, x.area, x.area_sources, x.room_ids, x.rooms_label, x.person_ids,
                   x.owner_names,
                   coalesce((select d.from_person_id from governance.designation d
                              where d.community_id = x.community_id and d.vote_id = x.vote_id and d.voter_id = x.id
                              order by d.changed_at, d.id limit 1), x.designated_person_id) as designated
              from governance.voter x
             where x.community_id = c and x.vote_id = v) e
$$;

insert into governance.vote_roll (community_id, vote_id, entries, sha256, document, frozen_at, expanded_at)
select r.community_id, r.vote_id, r.entries, sha256(r.document), r.document, r.frozen_at, r.frozen_at
  from (select vo.community_id, vo.id as vote_id,
               (select count(*) from governance.voter x where x.community_id = vo.community_id and x.vote_id = vo.id)::integer
                   as entries,
               governance.roll_document(vo.community_id, vo.id) as document,
               coalesce(vo.opened_at, vo.created_at) as frozen_at
          from governance.vote vo
         where vo.status <> 'DRAFT'
           and exists (select 1 from governance.voter x where x.community_id = vo.community_id and x.vote_id = vo.id)) r;
