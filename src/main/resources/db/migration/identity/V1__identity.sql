-- identity: accounts, roles, community scopes, API tokens
create schema if not exists identity;

create table identity.account (
    id                   uuid primary key,
    username             varchar(64)  not null,
    password_hash        varchar(200) not null,
    display_name         varchar(100) not null,
    person_id            uuid,
    enabled              boolean      not null default true,
    must_change_password boolean      not null default false,
    failed_attempts      integer      not null default 0,
    locked_until         timestamptz,
    totp_secret          varchar(200),
    totp_enabled         boolean      not null default false,
    totp_last_step       bigint,
    language             varchar(10),
    elderly_mode         boolean      not null default false,
    demo                 boolean      not null default false,
    created_at           timestamptz  not null,
    password_changed_at  timestamptz  not null,
    version              integer      not null default 0
);
create unique index account_username_uk on identity.account (lower(username));

create table identity.account_role (
    account_id uuid        not null references identity.account (id) on delete cascade,
    role       varchar(40) not null,
    primary key (account_id, role)
);

create table identity.account_community (
    account_id   uuid not null references identity.account (id) on delete cascade,
    community_id uuid not null,
    primary key (account_id, community_id)
);
create index account_community_community_idx on identity.account_community (community_id);

create table identity.api_token (
    id         uuid primary key,
    account_id uuid        not null references identity.account (id) on delete cascade,
    token_hash char(64)    not null unique,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    revoked_at timestamptz
);
create index api_token_account_idx on identity.api_token (account_id);
