-- Counts per community (buildings, rooms, households, persons), kept exact by statement-level triggers, so that
-- listing communities costs one index lookup per community instead of counting every room and person each time.
create table registry.community_count (
    community_id uuid primary key references registry.community (id),
    buildings    bigint not null default 0,
    rooms        bigint not null default 0,
    households   bigint not null default 0,
    persons      bigint not null default 0
);

insert into registry.community_count (community_id, buildings, rooms, households, persons)
select c.id,
       (select count(*) from registry.building b where b.community_id = c.id),
       (select count(*) from registry.room r where r.community_id = c.id),
       (select count(*) from registry.household h where h.community_id = c.id),
       (select count(*) from registry.person p where p.community_id = c.id)
  from registry.community c;

create function registry.open_community_count() returns trigger language plpgsql as $$
begin
    insert into registry.community_count (community_id) select id from new_rows;
    return null;
end $$;

create trigger community_count_open after insert on registry.community
    referencing new table as new_rows for each statement execute function registry.open_community_count();

-- tg_argv[0] names the counter column of the table the trigger sits on
create function registry.adjust_community_count() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        execute format('update registry.community_count c set %1$I = c.%1$I + n.cnt
                          from (select community_id, count(*) as cnt from new_rows group by community_id) n
                         where c.community_id = n.community_id', tg_argv[0]);
    elsif tg_op = 'DELETE' then
        execute format('update registry.community_count c set %1$I = c.%1$I - o.cnt
                          from (select community_id, count(*) as cnt from old_rows group by community_id) o
                         where c.community_id = o.community_id', tg_argv[0]);
    end if;
    return null;
end $$;

create trigger building_count_insert after insert on registry.building
    referencing new table as new_rows for each statement execute function registry.adjust_community_count('buildings');
create trigger building_count_delete after delete on registry.building
    referencing old table as old_rows for each statement execute function registry.adjust_community_count('buildings');
create trigger room_count_insert after insert on registry.room
    referencing new table as new_rows for each statement execute function registry.adjust_community_count('rooms');
create trigger room_count_delete after delete on registry.room
    referencing old table as old_rows for each statement execute function registry.adjust_community_count('rooms');
create trigger household_count_insert after insert on registry.household
    referencing new table as new_rows for each statement execute function registry.adjust_community_count('households');
create trigger household_count_delete after delete on registry.household
    referencing old table as old_rows for each statement execute function registry.adjust_community_count('households');
create trigger person_count_insert after insert on registry.person
    referencing new table as new_rows for each statement execute function registry.adjust_community_count('persons');
create trigger person_count_delete after delete on registry.person
    referencing old table as old_rows for each statement execute function registry.adjust_community_count('persons');
