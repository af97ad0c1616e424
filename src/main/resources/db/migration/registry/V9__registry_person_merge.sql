-- registry: duplicate persons merged by staff. The merged person keeps its row for history, marked merged_into and
-- moved out of its household; person_merge says who merged whom when, with the merged person's fields as they were
-- and the ids of the rows that were moved to the kept person, so a merge can be explained (or undone by hand).
alter table registry.person add column merged_into uuid references registry.person (id);

create table registry.person_merge (
    id               uuid primary key,
    community_id     uuid        not null references registry.community (id),
    kept_person_id   uuid        not null references registry.person (id),
    merged_person_id uuid        not null,
    merged_by        varchar(64) not null,
    merged_at        timestamptz not null,
    snapshot         jsonb       not null
);
create index person_merge_kept_idx on registry.person_merge (community_id, kept_person_id);
create index person_merge_merged_idx on registry.person_merge (community_id, merged_person_id);

-- a merged record may carry the same ID number as the one it was merged into
drop index registry.person_id_number_uk;
create unique index person_id_number_uk on registry.person (community_id, id_number_index)
    where id_number_index is not null and merged_into is null;
