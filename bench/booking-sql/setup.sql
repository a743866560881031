set client_min_messages = warning;
-- Empty copies of the tables a booking writes, in schema bt of the database given to run.sh (the real tables, their
-- rows and the running server are not touched): 100,000 residents' lock rows, 100 pool rows with room for all, one
-- open session.
drop schema if exists bt cascade;
create schema bt;
create table bt.idem (like public.scheduling_idempotency including all);
create table bt.booker (like public.scheduling_booker including all);
create table bt.appt (like public.scheduling_appointment including all);
create table bt.msg (like public.notification_message including all);
create table bt.pool (like public.scheduling_pool including all);
create table bt.audit_pending (like public.audit_pending including all);
create table bt.care (like public.rec_care_relationship including all);
create table bt.session (like public.scheduling_session including all);
insert into bt.booker select md5(g::text)::uuid from generate_series(1, 100000) g;
insert into bt.session select * from public.scheduling_session where status = 'OPEN' limit 1;
insert into bt.pool select md5(g::text)::uuid, 'ONLINE', 1000000000, 0 from generate_series(1, 100) g;
