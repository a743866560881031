-- The listings read a day's slots session by session. With the slot's columns in the index, PostgreSQL reads them
-- from the index alone (slots are never updated, so their pages stay all-visible) and chooses that over scanning the
-- whole table even while the table is small: 0.36 ms instead of 0.9 ms for a department's day in the flash-crowd
-- benchmark, whose listings were PostgreSQL's largest cost.
drop index scheduling_slot_session_idx;
create index scheduling_slot_session_idx on scheduling_slot (session_id, starts_at, id, ends_at, capacity);
