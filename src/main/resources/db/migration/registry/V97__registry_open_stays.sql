-- compounds created from a plan (demo, district, tests) had household members without a stay: give each current
-- member an open stay from the household's date, so a move-out closes it and billing prorates by it
insert into registry.residence (id, community_id, person_id, room_id, relation, since)
select gen_random_uuid(), p.community_id, p.id, h.room_id, p.relation, h.since
  from registry.person p
  join registry.household h on h.id = p.household_id and h.community_id = p.community_id
 where p.merged_into is null
   and not exists (select 1 from registry.residence r
                    where r.community_id = p.community_id and r.person_id = p.id and r.until is null);
