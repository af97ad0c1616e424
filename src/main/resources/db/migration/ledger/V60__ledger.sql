create schema if not exists ledger;

-- one append-only log per compound; the algorithm is fixed when the log starts
create table ledger.log (
    community_id        uuid primary key,
    algorithm           varchar(10)  not null,
    tree_size           bigint       not null default 0,
    created_at          timestamptz  not null,
    last_verified_at    timestamptz,
    tampered_at         timestamptz,
    tampered_index      bigint,
    tampered_reason     varchar(60)
);

-- the entries: the exact canonical JSON that was hashed and its RFC 6962 leaf hash
create table ledger.entry (
    community_id uuid         not null,
    idx          bigint       not null,
    type         varchar(40)  not null,
    payload      text         not null,
    leaf_hash    bytea        not null,
    appended_at  timestamptz  not null,
    primary key (community_id, idx)
);

-- hashes of complete, aligned subtrees of 2^level leaves (level >= 8), so proofs need few reads
create table ledger.node (
    community_id uuid     not null,
    level        smallint not null,
    position     bigint   not null,
    hash         bytea    not null,
    primary key (community_id, level, position)
);

-- signed tree heads as published (the public key is kept per head, so old heads stay checkable after a key change)
create table ledger.tree_head (
    community_id        uuid         not null,
    tree_size           bigint       not null,
    root_hash           varchar(128) not null,
    algorithm           varchar(10)  not null,
    signed_at           varchar(40)  not null,
    signature_algorithm varchar(10)  not null,
    signature           text         not null,
    public_key          text         not null,
    seq                 bigserial,
    primary key (community_id, seq)
);
create index tree_head_size_idx on ledger.tree_head (community_id, tree_size);

-- append-only: the database refuses to change or remove entries, cached nodes and published heads
create function ledger.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger % is append-only', tg_table_name using errcode = 'insufficient_privilege';
end;
$$;
create trigger entry_append_only before update or delete on ledger.entry
    for each row execute function ledger.refuse_change();
create trigger entry_no_truncate before truncate on ledger.entry
    for each statement execute function ledger.refuse_change();
create trigger node_append_only before update or delete on ledger.node
    for each row execute function ledger.refuse_change();
create trigger tree_head_append_only before update or delete on ledger.tree_head
    for each row execute function ledger.refuse_change();
