-- notification: the in-app inbox of every account, the e-mail address to copy notices to, and what was sent where
create schema if not exists notification;

-- one row per recipient account; texts are message keys with arguments, rendered in the reader's language.
-- The inbox is read per account, so account_id leads the indexes (community_id is kept for filtering and purging).
create table notification.notice (
    id           uuid primary key,
    account_id   uuid          not null,
    community_id uuid,
    kind         varchar(40)   not null,
    title_key    varchar(100)  not null,
    body_key     varchar(100),
    args         varchar(500)[] not null default '{}',
    link         varchar(300),
    dedup_key    varchar(200),
    urgent       boolean       not null default false,
    created_at   timestamptz   not null,
    read_at      timestamptz
);
create index notice_account_idx on notification.notice (account_id, created_at desc);
create index notice_unread_idx on notification.notice (account_id) where read_at is null;
-- the same event delivered again (at-least-once) notifies nobody twice
create unique index notice_dedup_uk on notification.notice (account_id, dedup_key) where dedup_key is not null;

create table notification.contact (
    account_id uuid primary key,
    email      varchar(200),
    updated_at timestamptz not null
);

create table notification.delivery (
    id         uuid primary key,
    notice_id  uuid        not null references notification.notice (id),
    channel    varchar(10) not null check (channel in ('EMAIL', 'SMS', 'WECHAT')),
    status     varchar(10) not null check (status in ('SENT', 'FAILED')),
    at         timestamptz not null,
    detail     varchar(300)
);
create index delivery_notice_idx on notification.delivery (notice_id);
