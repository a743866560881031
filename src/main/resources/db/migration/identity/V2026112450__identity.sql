-- Residents (identity module): the resident master index. ID and phone numbers are encrypted (AES-GCM) with an
-- HMAC blind index for lookup; they are never stored in clear.
create table identity_resident (
    id             uuid primary key,
    id_number_enc  varchar(200) not null,
    id_number_idx  char(64) not null,
    name           varchar(64) not null,
    sex            varchar(8) not null,
    birth_date     date not null,
    phone_enc      varchar(200),
    phone_idx      char(64),
    division_code  varchar(12),
    address        varchar(256),
    created_at     timestamp with time zone not null,
    constraint identity_resident_id_number_uk unique (id_number_idx)
);
create index identity_resident_phone_idx on identity_resident (phone_idx);
create index identity_resident_name_idx on identity_resident (name, birth_date);
