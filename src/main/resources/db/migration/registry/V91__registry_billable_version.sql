-- A per-compound counter of changes to what billing projects from the registry (rooms, buildings, households,
-- who lives in a household, stays), moved by statement-level triggers, so that billing can skip re-reading a
-- compound that has not changed since its last refresh (RegistryApi.billableVersions). A spurious step only costs a
-- refresh; a missed one would leave billing stale, so every insert and delete counts, and updates count when a
-- projected column changes.
create table registry.billable_version (
    community_id uuid primary key,
    version      bigint not null default 0
);

create function registry.step_billable_version() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        insert into registry.billable_version as v (community_id, version)
        select distinct community_id, 1 from old_rows
        on conflict (community_id) do update set version = v.version + 1;
    else
        insert into registry.billable_version as v (community_id, version)
        select distinct community_id, 1 from new_rows
        on conflict (community_id) do update set version = v.version + 1;
    end if;
    return null;
end $$;

-- updates: only rows whose projected columns changed (tg_argv[0] is the row expression compared, over n and o)
create function registry.step_billable_version_changed() returns trigger language plpgsql as $$
begin
    execute format('insert into registry.billable_version as v (community_id, version)
                    select distinct n.community_id, 1 from new_rows n join old_rows o on o.id = n.id
                     where (%1$s) is distinct from (%2$s)
                    on conflict (community_id) do update set version = v.version + 1',
                   replace(tg_argv[0], '$', 'n'), replace(tg_argv[0], '$', 'o'));
    return null;
end $$;

create trigger room_billable_insert after insert on registry.room
    referencing new table as new_rows for each statement execute function registry.step_billable_version();
create trigger room_billable_delete after delete on registry.room
    referencing old table as old_rows for each statement execute function registry.step_billable_version();
create trigger room_billable_update after update on registry.room
    referencing new table as new_rows old table as old_rows for each statement
    execute function registry.step_billable_version_changed(
        '$.building_id, $.unit, $.number, $.exclusive_area, $.room_use, $.community_id');

create trigger building_billable_update after update on registry.building
    referencing new table as new_rows old table as old_rows for each statement
    execute function registry.step_billable_version_changed('$.name, $.community_id');

create trigger household_billable_insert after insert on registry.household
    referencing new table as new_rows for each statement execute function registry.step_billable_version();
create trigger household_billable_delete after delete on registry.household
    referencing old table as old_rows for each statement execute function registry.step_billable_version();
create trigger household_billable_update after update on registry.household
    referencing new table as new_rows old table as old_rows for each statement
    execute function registry.step_billable_version_changed('$.room_id, $.since, $.community_id');

create trigger person_billable_insert after insert on registry.person
    referencing new table as new_rows for each statement execute function registry.step_billable_version();
create trigger person_billable_delete after delete on registry.person
    referencing old table as old_rows for each statement execute function registry.step_billable_version();
create trigger person_billable_update after update on registry.person
    referencing new table as new_rows old table as old_rows for each statement
    execute function registry.step_billable_version_changed('$.household_id, $.community_id');

create trigger residence_billable_insert after insert on registry.residence
    referencing new table as new_rows for each statement execute function registry.step_billable_version();
create trigger residence_billable_delete after delete on registry.residence
    referencing old table as old_rows for each statement execute function registry.step_billable_version();
create trigger residence_billable_update after update on registry.residence
    referencing new table as new_rows old table as old_rows for each statement
    execute function registry.step_billable_version_changed('$.room_id, $.until, $.community_id');
