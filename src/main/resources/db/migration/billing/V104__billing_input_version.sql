-- What a compound's bills of a period are made from: its billable rooms, fee items, rates, reductions, rented
-- spaces, meters and readings. Every write to them counts up the compound's input version (one statement-level
-- trigger per table and kind of write), and each period keeps the version its last run saw. A run whose compound
-- shows the same version again has nothing new to bill and skips the compound without computing its lines, so a
-- repeated run is a true no-op (ADR 0007, amendment 2).
create table billing.input_version (
    community_id uuid primary key,
    version      bigint not null
);

alter table billing.period_total add column inputs_version bigint;

create function billing.inputs_changed() returns trigger language plpgsql as $$
begin
    -- in compound order, so that two statements touching the same compounds never wait on each other crosswise
    insert into billing.input_version as v (community_id, version)
    select distinct community_id, 1 from changed order by community_id
    on conflict (community_id) do update set version = v.version + 1;
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['billable_room', 'fee_item', 'fee_rate', 'reduction', 'subscription',
                             'parking_subscription', 'meter', 'meter_reading'] loop
        execute format('create trigger %1$s_inserted after insert on billing.%1$s referencing new table as changed '
                       'for each statement execute function billing.inputs_changed()', t);
        execute format('create trigger %1$s_updated after update on billing.%1$s referencing new table as changed '
                       'for each statement execute function billing.inputs_changed()', t);
        execute format('create trigger %1$s_deleted after delete on billing.%1$s referencing old table as changed '
                       'for each statement execute function billing.inputs_changed()', t);
    end loop;
end
$$;
