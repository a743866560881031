-- Sixteen bookings of distinct residents in one transaction, one multi-row statement per step (the sketch in
-- docs/scheduling.md): the keys, the residents' locks in a fixed order, the rule counts grouped by resident, the
-- messages, the places taken from three pool rows at once (least(n, capacity - booked) each), the appointments, the
-- audit lines, the care relationships. Run by run.sh.
\set r random(0, 6200)
\set s random(1, 100)
BEGIN;
insert into bt.idem (actor, idem_key, request_hash, appointment_id, created_at) select 'bench-' || g, gen_random_uuid()::text, repeat('a', 64), gen_random_uuid(), now() from generate_series(:r * 16 + 1, :r * 16 + 16) g;
select resident_id from bt.booker where resident_id = any(array(select md5(g::text)::uuid from generate_series(:r * 16 + 1, :r * 16 + 16) g)) order by resident_id for update;
select a.resident_id, count(*) filter (where status = 'BOOKED' and ends_at > now()), count(*) filter (where status = 'NO_SHOW' and starts_at > now() - interval '90 days') from bt.appt a where a.resident_id = any(array(select md5(g::text)::uuid from generate_series(:r * 16 + 1, :r * 16 + 16) g)) group by a.resident_id;
insert into bt.msg (id, account_id, channel, template, locale, title, body, status, attempts, next_attempt_at, created_at) select gen_random_uuid(), md5(g::text)::uuid, 'IN_APP', 'appointment-booked', 'zh-CN', '预约成功', '您已成功预约 某某医院 内科 张医生 2026-12-08 18:00 的号源，请按时就诊。', 'PENDING', 0, now(), now() from generate_series(:r * 16 + 1, :r * 16 + 16) g;
update bt.pool p set booked = booked + least(v.n, capacity - booked) from (values (md5(:s::text)::uuid, 'ONLINE', 6), (md5(((:s % 100) + 1)::text)::uuid, 'ONLINE', 5), (md5((((:s + 1) % 100) + 1)::text)::uuid, 'ONLINE', 5)) v(slot_id, pool, n) where p.slot_id = v.slot_id and p.pool = v.pool and booked < capacity returning p.slot_id, least(v.n, capacity - booked);
insert into bt.appt (id, slot_id, session_id, pool, resident_id, organization_id, department_code, practitioner_id, service_date, starts_at, ends_at, fee_fen, channel, booked_by, acting_for, status, active_key, created_at) select gen_random_uuid(), md5(:s::text)::uuid, se.id, 'ONLINE', md5(g::text)::uuid, se.organization_id, '03', gen_random_uuid(), current_date, now(), now() + interval '15 minutes', 500, 'APP', 'bench-' || g, false, 'BOOKED', gen_random_uuid()::text, now() from bt.session se, generate_series(:r * 16 + 1, :r * 16 + 16) g where se.status = 'OPEN';
insert into bt.audit_pending (occurred_at, actor, role, organization_id, purpose, action, resource_type, resource_id, outcome, detail) select now(), 'bench-' || g, 'RESIDENT', null, 'CARE', 'APPOINTMENT_BOOK', 'Appointment', gen_random_uuid()::text, 'SUCCESS', 'APP ONLINE' from generate_series(:r * 16 + 1, :r * 16 + 16) g;
insert into bt.care (id, resident_id, organization_id, practitioner_id, kind, reference, valid_from, valid_until) select gen_random_uuid(), md5(g::text)::uuid, gen_random_uuid(), gen_random_uuid(), 'APPOINTMENT', gen_random_uuid()::text, now(), now() + interval '30 days' from generate_series(:r * 16 + 1, :r * 16 + 16) g;
COMMIT;
