-- audit: append-only, hash-chained trail of every important action
create schema if not exists audit;

create table audit.audit_event (
    id             bigint generated always as identity primary key,
    occurred_at    timestamptz  not null,
    account        varchar(64),
    action         varchar(200) not null,
    object         varchar(300),
    result         varchar(20)  not null,
    source_address varchar(64),
    detail         varchar(500),
    prev_hash      char(64)     not null,
    hash           char(64)     not null
);
create index audit_event_time_idx on audit.audit_event (occurred_at);
create index audit_event_account_idx on audit.audit_event (account, occurred_at);

-- the last hash of the chain; its row lock serialises appends
create table audit.chain_head (
    id        integer primary key check (id = 1),
    last_hash char(64) not null
);
insert into audit.chain_head (id, last_hash) values (1, repeat('0', 64));

-- nobody edits or deletes the trail; only the retention purge may delete, and it says so for its transaction
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('linli.audit_purge', true) = 'on' then
        return old;
    end if;
    raise exception 'the audit trail is append-only';
end $$;

create trigger audit_event_append_only
    before update or delete on audit.audit_event
    for each row execute function audit.refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit.audit_event
    for each statement execute function audit.refuse_change();
