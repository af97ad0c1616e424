-- How a face consent was given: ONLINE (the resident's own page or the API) or PAPER (a signed form entered by
-- staff, whose reference number is kept so the paper can be found again).
alter table access.face_consent add column channel varchar(10) not null default 'ONLINE';
alter table access.face_consent add column paper_ref varchar(60);
alter table access.face_consent add column revoke_channel varchar(10);
