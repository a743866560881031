-- An appointment holds the one-booking-per-practitioner-a-day key while BOOKED, CHECKED_IN or COMPLETED: a
-- cancellation, a stop-service or a no-show clears it (AppointmentRecords.end, markNoShows). The booking batch's
-- standings query relies on it to read a resident's keys by status through the resident index.
alter table scheduling_appointment add constraint scheduling_appointment_active_key
    check (active_key is null or status in ('BOOKED', 'CHECKED_IN', 'COMPLETED'));
