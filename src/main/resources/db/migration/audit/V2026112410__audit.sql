-- Audit (audit module): append-only, hash-chained.
create table audit_entry (
    seq             bigint primary key,
    occurred_at     timestamp with time zone not null,
    actor           varchar(128) not null,
    role            varchar(64),
    acting_for      varchar(128),
    organization_id varchar(64),
    purpose         varchar(64),
    action          varchar(64) not null,
    resource_type   varchar(64),
    resource_id     varchar(128),
    outcome         varchar(16) not null,
    client_ip       varchar(64),
    detail          varchar(1000),
    prev_hash       char(64) not null,
    hash            char(64) not null
);
create index audit_entry_actor_idx on audit_entry (actor, seq);
create index audit_entry_resource_idx on audit_entry (resource_type, resource_id, seq);
create index audit_entry_time_idx on audit_entry (occurred_at);

-- The head of the chain: locked while appending so that concurrent writers (also on other nodes) serialise.
-- anchor_* is where verification starts after retention has purged a prefix of the chain.
create table audit_chain_head (
    id          int primary key,
    last_seq    bigint not null,
    last_hash   char(64) not null,
    anchor_seq  bigint not null,
    anchor_hash char(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash, anchor_seq, anchor_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0,
        '0000000000000000000000000000000000000000000000000000000000000000');
