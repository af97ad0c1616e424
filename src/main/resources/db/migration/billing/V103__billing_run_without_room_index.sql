-- A bill run adds one bill to every room of a compound. An index keyed by room takes those 150,000 keys scattered
-- over all its pages (a third of a district run's database time); an index keyed by period takes them at its right
-- edge. So the bill table keeps no index by room for run bills (ADR 0007, amendment 2):
-- * one key per (compound, period, room, fee item) for every bill; one-off bills are told apart by their source
--   reference, so the key is full (not partial) and serves every scan of a compound's bills;
-- * a room's bills are found by probing that key once per billed period (billing.period_total), plus a small
--   partial index for the room's one-off bills, which a run never touches.
create unique index bill_period_key on billing.bill (community_id, period, room_id, fee_item_id, (coalesce(source_ref, '')));
drop index billing.bill_run_uk;
create index bill_one_off_room_idx on billing.bill (community_id, room_id) where kind = 'ONE_OFF';
drop index billing.bill_community_room_idx;
