-- workorder: managers edit the settings from the workbench; two of them editing at once must not overwrite each other
alter table workorder.category add column version integer not null default 0;
alter table workorder.level_target add column version integer not null default 0;

-- per-community settings beside the targets; no row means the application's defaults
create table workorder.settings (
    community_id          uuid    primary key,
    manager_after_minutes integer not null check (manager_after_minutes between 1 and 10080),
    auto_close_hours      integer not null check (auto_close_hours between 1 and 2160),
    version               integer not null default 0
);

-- resolved orders waiting for the resident's confirmation, for the automatic closing
create index work_order_community_resolved_idx on workorder.work_order (community_id, resolved_at)
    where status = 'RESOLVED';
