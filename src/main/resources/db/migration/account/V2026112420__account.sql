-- Accounts (account module): staff and resident logins, roles, lockout, revoked tokens.
create table account (
    id               uuid primary key,
    username         varchar(64) not null,
    password_hash    varchar(200) not null,
    display_name     varchar(100) not null,
    enabled          boolean not null default true,
    organization_id  uuid,
    practitioner_id  uuid,
    resident_id      uuid,
    phone_enc        varchar(200),
    phone_idx        char(64),
    locale           varchar(16) not null default 'zh-CN',
    failed_attempts  int not null default 0,
    first_failed_at  timestamp with time zone,
    locked_until     timestamp with time zone,
    created_at       timestamp with time zone not null,
    last_login_at    timestamp with time zone,
    constraint account_username_uk unique (username)
);
create index account_phone_idx on account (phone_idx);
create index account_resident_idx on account (resident_id);

create table account_role (
    account_id uuid not null references account (id) on delete cascade,
    role       varchar(32) not null,
    primary key (account_id, role)
);

create table account_revoked_token (
    jti        varchar(64) primary key,
    expires_at timestamp with time zone not null
);
create index account_revoked_token_exp_idx on account_revoked_token (expires_at);
