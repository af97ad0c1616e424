-- registry: a merged person record is history, not a resident; the community's person count leaves it out.
create function registry.count_merged_persons() returns trigger language plpgsql as $$
begin
    update registry.community_count c set persons = c.persons - m.cnt
      from (select n.community_id, count(*) as cnt
              from new_rows n join old_rows o on o.id = n.id
             where o.merged_into is null and n.merged_into is not null
             group by n.community_id) m
     where c.community_id = m.community_id;
    return null;
end $$;

create trigger person_count_merge after update on registry.person
    referencing old table as old_rows new table as new_rows
    for each statement execute function registry.count_merged_persons();

update registry.community_count c
   set persons = (select count(*) from registry.person p where p.community_id = c.community_id and p.merged_into is null);
