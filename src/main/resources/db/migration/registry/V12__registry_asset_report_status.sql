-- problem reports from the public scan page are followed up by staff: new until someone marks them handled (a later
-- work-order module turns them into orders); version guards two staff handling the same report
alter table registry.asset_report
    add column status     varchar(10) not null default 'NEW' check (status in ('NEW', 'HANDLED')),
    add column handled_by varchar(64),
    add column handled_at timestamptz,
    add column version    integer     not null default 0;
create index asset_report_status_idx on registry.asset_report (community_id, status, reported_at);
create index asset_filter_idx on registry.asset (community_id, status, building_id);
