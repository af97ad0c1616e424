-- Rooms list in building order; the building's position is copied onto each room so that a page of rooms is read
-- straight from one index (community, building position, unit, floor, number) instead of sorting the compound.
alter table registry.room add column building_sort integer not null default 0;
update registry.room r set building_sort = b.sort_order from registry.building b where b.id = r.building_id;
drop index registry.room_community_order_idx;
create index room_community_order_idx on registry.room (community_id, building_sort, unit, floor, number);
analyze registry.room;
