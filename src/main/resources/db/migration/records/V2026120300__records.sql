-- Shared health record (records module, 健康档案): FHIR resources sent by institutions, one row per resource with the
-- columns its searches and the timeline need; consents, care relationships, break-glass grants and the access log
-- that residents read. The resource itself is kept as FHIR JSON (the source of truth); the other columns are an index
-- derived from it at ingest.

create table rec_resource (
    id             uuid primary key,
    resource_type  varchar(40) not null,
    -- the resident the resource is about (null for reference data: Organization, Practitioner, Medication)
    resident_id    uuid,
    -- the institution whose system sent it, and the key that makes a re-post update instead of duplicate
    source_org     uuid not null,
    source_key     varchar(600) not null,
    version        integer not null,
    last_updated   timestamp with time zone not null,
    -- clinical time (Observation.effective, Encounter.period.start, ...), for date search, sorting and the timeline
    effective_at   timestamp with time zone,
    kind           varchar(24) not null,
    -- sensitivity category (GENERAL, MENTAL_HEALTH, REPRODUCTIVE_HEALTH, HIV) that consents grant by
    category       varchar(24) not null,
    -- ' system|code ' tokens of the resource's main code and category, space-separated with spaces at both ends
    codes          varchar(2000),
    categories     varchar(1000),
    -- what the timeline shows, extracted once
    title          varchar(500),
    value_text     varchar(200),
    value_num      numeric(20, 6),
    unit           varchar(64),
    flag           varchar(4),
    ref_low        numeric(20, 6),
    ref_high       numeric(20, 6),
    main_code      varchar(100),
    encounter_id   uuid,
    author         varchar(200),
    -- SHA-256 of content: a re-posted resource that has not changed is recognised without reading it back
    content_hash   char(64) not null,
    content        text not null,
    -- the source key leads: it is nearly unique on its own, so ingest's lookup of what an institution already sent
    -- stays an index probe per key whatever the statistics say (one institution may send most of the rows)
    constraint rec_resource_source_uk unique (source_key, source_org, resource_type)
);
-- a resident's record is read whole or by type: one index by resident and clinical time serves both (a lifelong
-- record is hundreds to a few thousand rows)
create index rec_resource_resident_idx on rec_resource (resident_id, effective_at);

-- a resident's consent (授权) to an institution or a practitioner, by category, until it expires or is revoked
create table rec_consent (
    id            uuid primary key,
    resident_id   uuid not null,
    grantee_type  varchar(16) not null,
    grantee_id    uuid not null,
    categories    varchar(200) not null,
    expires_at    timestamp with time zone,
    created_at    timestamp with time zone not null,
    created_by    varchar(128) not null,
    revoked_at    timestamp with time zone,
    revoked_by    varchar(128)
);
create index rec_consent_resident_idx on rec_consent (resident_id, grantee_id);

-- a care relationship (诊疗关系) that lets a clinician read: an appointment now, consultations, referrals and
-- family-doctor contracts later
create table rec_care_relationship (
    id               uuid primary key,
    resident_id      uuid not null,
    organization_id  uuid not null,
    practitioner_id  uuid,
    kind             varchar(24) not null,
    reference        varchar(100) not null,
    valid_from       timestamp with time zone not null,
    valid_until      timestamp with time zone not null,
    ended_at         timestamp with time zone,
    constraint rec_care_relationship_uk unique (kind, reference)
);
create index rec_care_relationship_resident_idx on rec_care_relationship (resident_id, organization_id);

-- emergency access (紧急调阅, break-glass): time-limited, with a reason, reviewed by the institution's auditor
create table rec_break_glass (
    id               uuid primary key,
    resident_id      uuid not null,
    actor            varchar(128) not null,
    account_id       uuid,
    practitioner_id  uuid,
    organization_id  uuid,
    reason           varchar(1000) not null,
    granted_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    status           varchar(16) not null,
    decision         varchar(16),
    review_note      varchar(1000),
    reviewed_by      varchar(128),
    reviewed_at      timestamp with time zone
);
create index rec_break_glass_resident_idx on rec_break_glass (resident_id, actor, expires_at);
create index rec_break_glass_status_idx on rec_break_glass (status, granted_at);

-- who read a resident's record, when and why (调阅记录), as the resident sees it; the audit chain holds the same
-- facts tamper-evidently
create table rec_access_log (
    id               uuid primary key,
    resident_id      uuid not null,
    occurred_at      timestamp with time zone not null,
    actor            varchar(128) not null,
    role             varchar(32),
    practitioner_id  uuid,
    organization_id  uuid,
    purpose          varchar(24) not null,
    basis            varchar(24),
    action           varchar(24) not null,
    resource_type    varchar(40),
    item_count       integer not null,
    outcome          varchar(16) not null,
    break_glass_id   uuid
);
create index rec_access_log_resident_idx on rec_access_log (resident_id, occurred_at);

-- codes that make a record sensitive: a consent shares these categories only when it names them (FACTS.md: data
-- security and privacy). Administrators add rows; prefixes match ICD-10 categories (F -> mental health).
create table rec_sensitivity_rule (
    id          uuid primary key,
    code_system varchar(200) not null,
    code_prefix varchar(64) not null,
    category    varchar(24) not null,
    note        varchar(200)
);
insert into rec_sensitivity_rule (id, code_system, code_prefix, category, note) values
    ('171d7773-ff07-5e94-a000-e6e477836fd4', 'http://hl7.org/fhir/sid/icd-10', 'F', 'MENTAL_HEALTH', 'ICD-10 F00-F99 mental and behavioural disorders'),
    ('5d7417b0-e23e-51e3-aea9-4981f324b74a', 'http://hl7.org/fhir/sid/icd-10', 'B20', 'HIV', 'HIV disease'),
    ('66438d80-6360-57f3-9aff-a72709913043', 'http://hl7.org/fhir/sid/icd-10', 'B21', 'HIV', 'HIV disease'),
    ('2527ade9-06f4-5fa8-a303-a7b394ae1077', 'http://hl7.org/fhir/sid/icd-10', 'B22', 'HIV', 'HIV disease'),
    ('a87ce3b3-027f-5173-966b-fa18382b9537', 'http://hl7.org/fhir/sid/icd-10', 'B23', 'HIV', 'HIV disease'),
    ('def1ad6c-bb8f-5e86-9910-9c6285d757f5', 'http://hl7.org/fhir/sid/icd-10', 'B24', 'HIV', 'HIV disease'),
    ('dbcb2566-9888-5446-aca0-7e04ba30b67b', 'http://hl7.org/fhir/sid/icd-10', 'Z21', 'HIV', 'asymptomatic HIV infection'),
    ('facc84b8-e946-5256-a257-e589c4505a6d', 'http://hl7.org/fhir/sid/icd-10', 'O', 'REPRODUCTIVE_HEALTH', 'ICD-10 O00-O99 pregnancy and childbirth'),
    ('94e16d45-3a0f-58b4-895b-0d1ddadb99d2', 'http://hl7.org/fhir/sid/icd-10', 'Z3', 'REPRODUCTIVE_HEALTH', 'ICD-10 Z30-Z39 reproduction'),
    ('8e4ec265-2a54-5808-953f-d718d2dd6864', 'http://hl7.org/fhir/sid/icd-10', 'N97', 'REPRODUCTIVE_HEALTH', 'female infertility'),
    ('e6a2ed2b-5268-58df-93cb-78c80a8b5352', 'http://snomed.info/sct', '86406008', 'HIV', 'HIV infection'),
    ('22f0118e-e9cb-559c-8284-cda176d6a64c', 'http://snomed.info/sct', '165816005', 'HIV', 'HIV positive'),
    ('73b976fd-09ec-567f-baf5-25e630438496', 'http://snomed.info/sct', '35489007', 'MENTAL_HEALTH', 'depressive disorder'),
    ('0189da3e-f008-53e9-8286-b9385c0cf8d3', 'http://snomed.info/sct', '370143000', 'MENTAL_HEALTH', 'major depressive disorder'),
    ('b4fcc07e-015e-5c91-8af1-413cd9c78e18', 'http://snomed.info/sct', '36923009', 'MENTAL_HEALTH', 'major depression, single episode'),
    ('f9acf9f1-640e-52e7-8261-d872b79a5b5c', 'http://snomed.info/sct', '197480006', 'MENTAL_HEALTH', 'anxiety disorder'),
    ('261530ed-68eb-54e7-999b-0a487ced91a9', 'http://snomed.info/sct', '58214004', 'MENTAL_HEALTH', 'schizophrenia'),
    ('76e2acc3-4333-564a-a458-4871ad33df3d', 'http://snomed.info/sct', '13746004', 'MENTAL_HEALTH', 'bipolar disorder'),
    ('96c71cc2-f3b1-58ad-8223-a337bf2eb942', 'http://snomed.info/sct', '47505003', 'MENTAL_HEALTH', 'posttraumatic stress disorder'),
    ('2a47a724-009f-51d2-a9da-5da4677d7b50', 'http://snomed.info/sct', '72892002', 'REPRODUCTIVE_HEALTH', 'normal pregnancy'),
    ('43ef113f-ad68-5d48-b343-8f8239a7636b', 'http://snomed.info/sct', '19169002', 'REPRODUCTIVE_HEALTH', 'miscarriage in first trimester'),
    ('2f2e9a1c-08e5-53ec-8adc-fb90f0590728', 'http://snomed.info/sct', '169762003', 'REPRODUCTIVE_HEALTH', 'postnatal visit'),
    ('91b1fa3c-a8dc-5e57-9803-f69e1caaea93', 'http://snomed.info/sct', '424441002', 'REPRODUCTIVE_HEALTH', 'prenatal initial visit'),
    ('bb291813-bba9-5c82-946b-5c49cb4e4f58', 'http://loinc.org', '75622-1', 'HIV', 'HIV 1 and 2 tests'),
    ('2733ab83-3aea-5f91-a48e-b42487e54ba8', 'http://loinc.org', '7918-6', 'HIV', 'HIV 1+2 Ab'),
    ('3dc614a9-d1f5-5258-a675-1313bc46a947', 'http://loinc.org', '44249-1', 'MENTAL_HEALTH', 'PHQ-9 quick depression assessment panel'),
    ('cb6f6d48-e561-54b9-b32e-5140f9119151', 'http://loinc.org', '44261-6', 'MENTAL_HEALTH', 'PHQ-9 total score'),
    ('6feeba99-63f6-550d-807e-4e4743b7ab69', 'http://loinc.org', '69737-5', 'MENTAL_HEALTH', 'GAD-7 panel'),
    ('6ea6c0a8-4d49-5208-b23b-2a56dba2f257', 'http://loinc.org', '70274-6', 'MENTAL_HEALTH', 'GAD-7 total score'),
    ('cd5c2878-7821-5dce-99ec-7637b12826c3', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'PSY', 'MENTAL_HEALTH', 'security label: psychiatry'),
    ('9bf27ca3-ef3d-5632-b312-d9f8e987bd69', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'PSYTHPN', 'MENTAL_HEALTH', 'security label: psychotherapy note'),
    ('3eb8a81d-a0a7-5fd3-97a0-34c359f8d408', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'HIV', 'HIV', 'security label: HIV/AIDS'),
    ('bf327efc-d3e2-58fb-8176-007026067555', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'SDV', 'REPRODUCTIVE_HEALTH', 'security label: sexual assault, abuse or domestic violence'),
    ('85cbd6f4-b022-5563-a73b-fc39a68b86ca', 'http://terminology.hl7.org/CodeSystem/v3-ActCode', 'SEX', 'REPRODUCTIVE_HEALTH', 'security label: sexuality and reproductive health');
