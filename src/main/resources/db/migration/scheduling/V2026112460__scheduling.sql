-- Time-slot booking (分时段预约诊疗): weekly templates, generated sessions and slots, quota pools, appointments.

-- a weekly template: one practitioner (or a clinic service) in one department, one weekday session
create table scheduling_template (
    id                 uuid primary key,
    organization_id    uuid not null,
    department_code    varchar(8) not null,
    practitioner_id    uuid,
    service_name       varchar(60),
    day_of_week        smallint not null,
    period             varchar(12) not null,
    start_time         time not null,
    end_time           time not null,
    slot_minutes       integer not null,
    slot_capacity      integer not null,
    registration_type  varchar(12) not null,
    fee_fen            bigint not null,
    pool_shares        varchar(200) not null,
    room               varchar(40),
    active             boolean not null,
    created_at         timestamp with time zone not null,
    created_by         varchar(64) not null
);
create index scheduling_template_org_idx on scheduling_template (organization_id, department_code);

-- days without clinics: a holiday for a whole organisation (practitioner_id null) or a practitioner's leave
create table scheduling_exception (
    id               uuid primary key,
    organization_id  uuid not null,
    practitioner_id  uuid,
    off_date         date not null,
    reason           varchar(200) not null,
    created_at       timestamp with time zone not null,
    created_by       varchar(64) not null
);
create index scheduling_exception_day_idx on scheduling_exception (organization_id, off_date);

-- one session generated from a template for a date (出诊); STOPPED when the hospital stops the service (停诊)
create table scheduling_session (
    id                 uuid primary key,
    template_id        uuid,
    organization_id    uuid not null,
    department_code    varchar(8) not null,
    practitioner_id    uuid,
    service_name       varchar(60),
    service_date       date not null,
    period             varchar(12) not null,
    starts_at          timestamp with time zone not null,
    ends_at            timestamp with time zone not null,
    registration_type  varchar(12) not null,
    fee_fen            bigint not null,
    releases_at        timestamp with time zone not null,
    flows_back_at      timestamp with time zone not null,
    status             varchar(10) not null,
    stop_reason        varchar(200),
    room               varchar(40),
    constraint scheduling_session_template_day_uk unique (template_id, service_date)
);
create index scheduling_session_day_idx on scheduling_session (service_date, department_code, organization_id);
create index scheduling_session_practitioner_idx on scheduling_session (practitioner_id, service_date);

create table scheduling_slot (
    id          uuid primary key,
    session_id  uuid not null,
    starts_at   timestamp with time zone not null,
    ends_at     timestamp with time zone not null,
    capacity    integer not null
);
create index scheduling_slot_session_idx on scheduling_slot (session_id, starts_at);

-- quota pools (号源池) of a slot; booked never exceeds capacity (checked by the conditional update and here)
create table scheduling_pool (
    slot_id   uuid not null,
    pool      varchar(16) not null,
    capacity  integer not null,
    booked    integer not null,
    primary key (slot_id, pool),
    constraint scheduling_pool_capacity_ck check (booked >= 0 and booked <= capacity)
);

create table scheduling_appointment (
    id               uuid primary key,
    slot_id          uuid not null,
    session_id       uuid not null,
    pool             varchar(16) not null,
    resident_id      uuid not null,
    organization_id  uuid not null,
    department_code  varchar(8) not null,
    practitioner_id  uuid,
    service_date     date not null,
    starts_at        timestamp with time zone not null,
    ends_at          timestamp with time zone not null,
    fee_fen          bigint not null,
    channel          varchar(16) not null,
    booked_by        varchar(64) not null,
    acting_for       boolean not null,
    status           varchar(12) not null,
    -- resident|practitioner-or-session|day while BOOKED, null afterwards: one active booking per practitioner a day
    active_key       varchar(120),
    created_at       timestamp with time zone not null,
    cancelled_at     timestamp with time zone,
    cancelled_by     varchar(64),
    cancel_reason    varchar(200),
    constraint scheduling_appointment_active_uk unique (active_key)
);
create index scheduling_appointment_resident_idx on scheduling_appointment (resident_id, status, starts_at);
create index scheduling_appointment_slot_idx on scheduling_appointment (slot_id, status);

-- one row per resident who ever booked: bookings of one resident are serialised on it (rules such as the maximum of
-- active bookings hold under concurrency)
create table scheduling_booker (
    resident_id          uuid primary key
);

-- Idempotency-Key of POST /appointments, per account
create table scheduling_idempotency (
    actor           varchar(64) not null,
    idem_key        varchar(100) not null,
    request_hash    varchar(64) not null,
    appointment_id  uuid not null,
    created_at      timestamp with time zone not null,
    primary key (actor, idem_key)
);

-- waitlist (候补) for a full session: freed places go to the first waiting resident whose channel may take them
create table scheduling_waitlist (
    id              uuid primary key,
    session_id      uuid not null,
    resident_id     uuid not null,
    channel         varchar(16) not null,
    requested_by    varchar(64) not null,
    status          varchar(10) not null,
    appointment_id  uuid,
    note            varchar(200),
    -- session|resident while WAITING: one place in the queue per resident and session
    active_key      varchar(80),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint scheduling_waitlist_active_uk unique (active_key)
);
create index scheduling_waitlist_session_idx on scheduling_waitlist (session_id, status, created_at);
create index scheduling_waitlist_resident_idx on scheduling_waitlist (resident_id, status);

-- the waiting queue (候诊) of a session: a ticket per checked-in appointment, called in priority then number order
create table scheduling_queue_ticket (
    id              uuid primary key,
    session_id      uuid not null,
    appointment_id  uuid not null,
    resident_id     uuid not null,
    number          integer not null,
    priority        varchar(10) not null,
    status          varchar(10) not null,
    checked_in_at   timestamp with time zone not null,
    called_at       timestamp with time zone,
    finished_at     timestamp with time zone,
    constraint scheduling_queue_number_uk unique (session_id, number),
    constraint scheduling_queue_appointment_uk unique (appointment_id)
);
create index scheduling_queue_session_idx on scheduling_queue_ticket (session_id, status);
create index scheduling_queue_resident_idx on scheduling_queue_ticket (resident_id, checked_in_at);
