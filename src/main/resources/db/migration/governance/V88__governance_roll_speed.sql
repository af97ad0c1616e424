-- Freezing the roll of a 100,000-owner vote faster (docs/performance-governance.md): the roll is written with one
-- binary COPY into governance.voter, so every index and check per row counts.
-- 1. No foreign key per roll row to its vote: the service writes the roll in the transaction that holds the vote row
--    locked (for update) and the row is never deleted; the triggers read the vote anyway.
alter table governance.voter drop constraint voter_vote_id_fkey;
-- 2. No index on the designated person, whose random keys cost most of the write: owners are found through
--    governance.voter_person, filled right after the vote opens (until then, a scan of the vote's roll).
drop index governance.voter_designated_idx;

-- every owner person of a vote's roll and the entry they belong to (a person is in one entry of a vote); derived
-- from governance.voter after the opening commits, never evidence on its own
create table governance.voter_person (
    community_id uuid not null,
    vote_id      uuid not null,
    person_id    uuid not null,
    voter_id     uuid not null,
    primary key (community_id, vote_id, person_id)
);
alter table governance.vote add column persons_indexed boolean not null default false;

insert into governance.voter_person (community_id, vote_id, person_id, voter_id)
select community_id, vote_id, unnest(person_ids), id from governance.voter
on conflict do nothing;
update governance.vote set persons_indexed = true where status <> 'DRAFT';
