-- Devices are edited by staff (optimistic locking) and retired rather than deleted: a retired device keeps its
-- history (alarms, events) but may no longer log in to the broker nor receive commands.
alter table iot.device add column version int not null default 0;
alter table iot.device add column status varchar(10) not null default 'ACTIVE';
alter table iot.device add column retired_at timestamptz;
alter table iot.device add column secret_reset_at timestamptz;

-- Photos of an alarm handling entry (处置记录照片), kept in the database like work-order photos, with their SHA-256.
create table iot.alarm_photo (
	id uuid primary key,
	community_id uuid not null,
	alarm_id uuid not null,
	handling_id uuid not null references iot.alarm_handling (id),
	position smallint not null,
	content_type varchar(20) not null,
	size_bytes int not null,
	sha256 char(64) not null,
	data bytea not null,
	uploaded_by varchar(100) not null,
	uploaded_at timestamptz not null
);
create index alarm_photo_by_alarm on iot.alarm_photo (community_id, alarm_id, handling_id);
