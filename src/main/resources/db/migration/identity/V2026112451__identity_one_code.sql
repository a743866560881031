-- One code (identity module): master index states and merges, supplementary documents, real-name registration,
-- family proxies, health-code signing keys, trusted keys of other regions, scans, and code links (多码融合).

-- residents who arrive without an ID number (newborns, visitors, hospital feeds) are indexed as UNVERIFIED
alter table identity_resident alter column id_number_enc drop not null;
alter table identity_resident alter column id_number_idx drop not null;
alter table identity_resident add column status varchar(16) default 'ACTIVE' not null;
alter table identity_resident add column merged_into uuid;
alter table identity_resident add column static_code_id varchar(32);
alter table identity_resident add column static_pin_hash varchar(100);
alter table identity_resident add column static_code_issued_at timestamp with time zone;
alter table identity_resident add column pin_failures int default 0 not null;
alter table identity_resident add column pin_locked_until timestamp with time zone;
alter table identity_resident add column updated_at timestamp with time zone;
create index identity_resident_birth_idx on identity_resident (birth_date);
create index identity_resident_merged_idx on identity_resident (merged_into);

-- passports, HK/Macao/Taiwan permits, birth medical certificates, insurance numbers, hospital record numbers (MRN)
create table identity_document (
    id            uuid primary key,
    resident_id   uuid not null references identity_resident (id),
    type          varchar(24) not null,
    issuer        varchar(64) default '' not null,
    value_enc     varchar(400) not null,
    value_idx     char(64) not null,
    value_masked  varchar(64) not null,
    created_at    timestamp with time zone not null,
    constraint identity_document_uk unique (type, issuer, value_idx)
);
create index identity_document_resident_idx on identity_document (resident_id);

-- phone confirmation of a self-registered resident: the account stays disabled until the one-time code is confirmed
create table identity_registration (
    resident_id     uuid primary key references identity_resident (id),
    account_id      uuid not null,
    phone_enc       varchar(200) not null,
    code_hash       varchar(100) not null,
    code_expires_at timestamp with time zone not null,
    attempts        int default 0 not null,
    sends           int default 1 not null,
    last_sent_at    timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    confirmed_at    timestamp with time zone
);

-- family proxies (代办): agent acts for principal; open_key is set while PENDING or ACTIVE so that a pair is bound once
create table identity_proxy (
    id            uuid primary key,
    agent_id      uuid not null references identity_resident (id),
    principal_id  uuid not null references identity_resident (id),
    relation      varchar(16) not null,
    status        varchar(16) not null,
    permissions   varchar(128) not null,
    verified_by   varchar(16),
    open_key      varchar(80),
    created_at    timestamp with time zone not null,
    created_by    varchar(64) not null,
    confirmed_at  timestamp with time zone,
    ended_at      timestamp with time zone,
    ended_by      varchar(64),
    constraint identity_proxy_open_uk unique (open_key)
);
create index identity_proxy_agent_idx on identity_proxy (agent_id, status);
create index identity_proxy_principal_idx on identity_proxy (principal_id, status);

-- this region's Ed25519 signing keys; private keys encrypted with the data key
create table identity_signing_key (
    kid              varchar(32) primary key,
    region           varchar(12) not null,
    public_key       varchar(64) not null,
    private_key_enc  varchar(400) not null,
    status           varchar(12) not null,
    created_at       timestamp with time zone not null,
    retired_at       timestamp with time zone,
    revoked_at       timestamp with time zone,
    revoked_reason   varchar(200)
);

-- public keys of other issuing regions (mutual recognition)
create table identity_trusted_key (
    kid         varchar(32) primary key,
    region      varchar(12) not null,
    public_key  varchar(64) not null,
    added_at    timestamp with time zone not null,
    added_by    varchar(64) not null
);

-- every scan of a health code, accepted or refused; use_key is unique for scenes that take a code once
create table identity_code_scan (
    id               uuid primary key,
    resident_id      uuid,
    token_id         varchar(32),
    code_type        varchar(8),
    scene            varchar(16) not null,
    organization_id  uuid,
    terminal_id      varchar(64),
    actor            varchar(64) not null,
    outcome          varchar(8) not null,
    reason           varchar(32),
    scanned_at       timestamp with time zone not null,
    use_key          varchar(64),
    constraint identity_code_scan_use_uk unique (use_key)
);
create index identity_code_scan_resident_idx on identity_code_scan (resident_id, scanned_at);
create index identity_code_scan_token_idx on identity_code_scan (token_id);

-- multi-code fusion: the insurance e-voucher and a payment account reference linked to the resident's code
create table identity_code_link (
    resident_id       uuid not null references identity_resident (id),
    kind              varchar(24) not null,
    reference_enc     varchar(400) not null,
    reference_masked  varchar(64) not null,
    linked_at         timestamp with time zone not null,
    primary key (resident_id, kind)
);

-- EMPI review queue: pairs the matcher could not decide; decided pairs are not proposed again
create table identity_match_review (
    id           uuid primary key,
    left_id      uuid not null references identity_resident (id),
    right_id     uuid not null references identity_resident (id),
    pair_key     varchar(80) not null,
    score        double precision not null,
    status       varchar(12) not null,
    decision     varchar(16),
    reason       varchar(500),
    decided_by   varchar(64),
    decided_at   timestamp with time zone,
    created_at   timestamp with time zone not null,
    constraint identity_match_review_pair_uk unique (pair_key)
);
create index identity_match_review_status_idx on identity_match_review (status, created_at);

-- merges keep history; an undo restores the merged record
create table identity_merge (
    id            uuid primary key,
    survivor_id   uuid not null references identity_resident (id),
    merged_id     uuid not null references identity_resident (id),
    review_id     uuid,
    reason        varchar(500) not null,
    merged_by     varchar(64) not null,
    merged_at     timestamp with time zone not null,
    undone_at     timestamp with time zone,
    undone_by     varchar(64),
    undo_reason   varchar(500)
);
create index identity_merge_survivor_idx on identity_merge (survivor_id);
