-- identity: accounts scoped by region (street and district officers) besides single communities. The region lives in
-- the registry's schema; no foreign key crosses the module boundary, an unknown region simply grants nothing.
create table identity.account_region (
    account_id uuid not null references identity.account (id) on delete cascade,
    region_id  uuid not null,
    primary key (account_id, region_id)
);
