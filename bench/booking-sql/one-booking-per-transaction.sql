-- One booking as Huimin books today, one transaction: the key, the resident's lock, the rule counts, the message,
-- the place, the appointment, the audit line, the care relationship (the statements of BookingService.place, on the
-- copies that setup.sql makes). Run by run.sh.
\set r random(1, 100000)
\set s random(1, 100)
BEGIN;
insert into bt.idem (actor, idem_key, request_hash, appointment_id, created_at) values ('bench-' || :r, gen_random_uuid()::text, repeat('a', 64), gen_random_uuid(), now());
select resident_id from bt.booker where resident_id = md5(:r::text)::uuid for update;
select (select count(*) from bt.appt where resident_id = md5(:r::text)::uuid and status = 'BOOKED' and ends_at > now()), (select count(*) from bt.appt where resident_id = md5(:r::text)::uuid and status = 'NO_SHOW' and starts_at > now() - interval '90 days');
insert into bt.msg (id, account_id, channel, template, locale, title, body, status, attempts, next_attempt_at, created_at) values (gen_random_uuid(), md5(:r::text)::uuid, 'IN_APP', 'appointment-booked', 'zh-CN', '预约成功', '您已成功预约 某某医院 内科 张医生 2026-12-08 18:00 的号源，请按时就诊。', 'PENDING', 0, now(), now());
update bt.pool set booked = booked + 1 where slot_id = md5(:s::text)::uuid and pool = 'ONLINE' and booked < capacity;
insert into bt.appt (id, slot_id, session_id, pool, resident_id, organization_id, department_code, practitioner_id, service_date, starts_at, ends_at, fee_fen, channel, booked_by, acting_for, status, active_key, created_at) select gen_random_uuid(), md5(:s::text)::uuid, se.id, 'ONLINE', md5(:r::text)::uuid, se.organization_id, '03', gen_random_uuid(), current_date, now(), now() + interval '15 minutes', 500, 'APP', 'bench-' || :r, false, 'BOOKED', gen_random_uuid()::text, now() from bt.session se where se.status = 'OPEN';
insert into bt.audit_pending (occurred_at, actor, role, organization_id, purpose, action, resource_type, resource_id, outcome, detail) values (now(), 'bench-' || :r, 'RESIDENT', null, 'CARE', 'APPOINTMENT_BOOK', 'Appointment', gen_random_uuid()::text, 'SUCCESS', 'APP ONLINE');
insert into bt.care (id, resident_id, organization_id, practitioner_id, kind, reference, valid_from, valid_until) values (gen_random_uuid(), md5(:r::text)::uuid, gen_random_uuid(), gen_random_uuid(), 'APPOINTMENT', gen_random_uuid()::text, now(), now() + interval '30 days');
COMMIT;
