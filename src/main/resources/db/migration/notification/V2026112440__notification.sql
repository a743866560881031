-- Notifications (notification module): an outbox of messages per channel, delivered with retries.
create table notification_message (
    id              uuid primary key,
    account_id      uuid,
    channel         varchar(16) not null,
    phone_enc       varchar(200),
    template        varchar(64) not null,
    locale          varchar(16) not null,
    title           varchar(200) not null,
    body            varchar(2000) not null,
    status          varchar(16) not null,
    attempts        int not null default 0,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(500),
    created_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    read_at         timestamp with time zone
);
create index notification_message_due_idx on notification_message (status, next_attempt_at);
create index notification_message_inbox_idx on notification_message (account_id, channel, created_at);

-- What the development SMS adapter "sent": a stand-in for the operator's gateway in demo and test environments.
create table notification_dev_sms (
    id         uuid primary key,
    phone_enc  varchar(200) not null,
    phone_idx  char(64) not null,
    text       varchar(2000) not null,
    created_at timestamp with time zone not null
);
create index notification_dev_sms_phone_idx on notification_dev_sms (phone_idx, created_at);
