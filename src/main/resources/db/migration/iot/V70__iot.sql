create schema if not exists iot;

-- A device of a community; its id is also its MQTT username (API.md "Devices (MQTT)").
create table iot.device (
	id varchar(64) primary key,
	community_id uuid not null,
	community_code varchar(64) not null,
	type varchar(32) not null,
	name varchar(100) not null,
	building_id uuid,
	building varchar(100),
	unit varchar(20),
	asset_id uuid,
	location varchar(200),
	secret_hash varchar(100) not null,
	online boolean not null default false,
	last_seen_at timestamptz,
	created_at timestamptz not null
);
create index device_by_community on iot.device (community_id, type, id);

-- The gateway's inbox: one row per accepted (device, eventId); the key makes a redelivery a no-op.
create table iot.device_event (
	community_id uuid not null,
	device_id varchar(64) not null,
	event_id varchar(64) not null,
	type varchar(32) not null,
	occurred_at timestamptz not null,
	received_at timestamptz not null,
	payload jsonb not null,
	primary key (community_id, device_id, event_id)
);
create index device_event_by_time on iot.device_event (community_id, received_at);

-- Messages the gateway refused, with the reason (schema, identity, time, size).
create table iot.rejected_message (
	id bigserial primary key,
	topic varchar(300) not null,
	reason varchar(40) not null,
	size int not null,
	received_at timestamptz not null
);
create index rejected_by_time on iot.rejected_message (received_at);

-- Alarm rules per device type and event type; duration and repeat conditions gate raising.
create table iot.alarm_rule (
	device_type varchar(32) not null,
	event_type varchar(32) not null,
	severity varchar(16) not null,
	min_duration_seconds int not null default 0,
	repeat_count int not null default 1,
	repeat_window_seconds int not null default 0,
	primary key (device_type, event_type)
);
insert into iot.alarm_rule (device_type, event_type, severity, min_duration_seconds, repeat_count, repeat_window_seconds) values
	('SMOKE_DETECTOR', 'SMOKE', 'CRITICAL', 0, 1, 0),
	('ELEVATOR_MONITOR', 'ELEVATOR_FAULT', 'MAJOR', 0, 1, 0),
	('ELEVATOR_MONITOR', 'ELEVATOR_ENTRAPMENT', 'CRITICAL', 0, 1, 0),
	('AI_CAMERA', 'THROWING', 'MAJOR', 0, 1, 0),
	('WATER_LEAK_SENSOR', 'WATER_LEAK', 'MAJOR', 30, 1, 0),
	('METER', 'WATER_LEAK', 'MAJOR', 0, 3, 3600),
	('CHARGER', 'CHARGER_FAULT', 'MAJOR', 0, 1, 0),
	('DOOR_STATION', 'DOOR_FORCED', 'MAJOR', 0, 1, 0),
	('DOOR_STATION', 'TAMPER', 'MAJOR', 0, 1, 0),
	('CAMERA', 'TAMPER', 'MAJOR', 0, 1, 0),
	('AI_CAMERA', 'TAMPER', 'MAJOR', 0, 1, 0),
	('BARRIER_GATE', 'DEVICE_FAULT', 'MINOR', 0, 1, 0);

-- One active alarm per device and type (partial unique index): repeats update count and last_at.
create table iot.alarm (
	id uuid primary key,
	community_id uuid not null,
	device_id varchar(64) not null,
	type varchar(32) not null,
	severity varchar(16) not null,
	state varchar(16) not null,
	acknowledged boolean not null default false,
	raised_at timestamptz not null,
	last_at timestamptz not null,
	count int not null default 1,
	snapshot varchar(300),
	assignee varchar(100),
	acknowledged_at timestamptz,
	acknowledged_by varchar(100),
	cleared_at timestamptz,
	escalated_at timestamptz,
	version int not null default 0
);
create unique index alarm_one_active on iot.alarm (community_id, device_id, type) where state = 'ACTIVE';
create index alarm_by_state on iot.alarm (community_id, state, raised_at desc);

-- What staff did about an alarm (处置记录), with photo references.
create table iot.alarm_handling (
	id uuid primary key,
	community_id uuid not null,
	alarm_id uuid not null references iot.alarm (id),
	note varchar(1000) not null,
	photos varchar(1000),
	handled_by varchar(100) not null,
	handled_at timestamptz not null
);
create index alarm_handling_by_alarm on iot.alarm_handling (community_id, alarm_id);

-- Who is on duty in the guard room; alarms are assigned to them.
create table iot.duty (
	community_id uuid not null,
	username varchar(100) not null,
	since timestamptz not null,
	primary key (community_id, username)
);

-- Commands to devices (revoke a credential at every door, say), kept until the gateway has published them, so a
-- broker outage delays a command but never loses it.
create table iot.device_command (
	id bigserial primary key,
	community_id uuid not null,
	device_id varchar(64) not null,
	payload text not null,
	created_at timestamptz not null,
	sent_at timestamptz
);
create index device_command_pending on iot.device_command (community_id, id) where sent_at is null;
