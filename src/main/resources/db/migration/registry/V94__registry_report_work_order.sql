-- a scanned problem report that became a repair order points at it, and counts as handled (issue 3 note)
alter table registry.asset_report add column work_order_id uuid;
