-- Bulk data export (FHIR $export, NDJSON) for analytics: one row per job; the files live under the data folder
-- (exports/<job>/<Type>.ndjson) and are deleted with the job when it expires.
create table rec_export_job (
    id            uuid primary key,
    requested_by  varchar(128) not null,
    request_url   varchar(1000) not null,
    types         varchar(1000),
    since         timestamp with time zone,
    status        varchar(16) not null,
    progress      integer not null,
    total         integer not null,
    output        varchar(4000),
    error         varchar(1000),
    created_at    timestamp with time zone not null,
    finished_at   timestamp with time zone,
    expires_at    timestamp with time zone not null
);
create index rec_export_job_expires_idx on rec_export_job (expires_at);
