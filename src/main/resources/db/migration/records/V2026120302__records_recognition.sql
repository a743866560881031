-- Mutual recognition of results (检查检验结果互认, 国卫医发〔2022〕6号): the region's catalogue of recognised lab and
-- imaging items with the window in which a result is normally still usable (no national period: the clinician
-- judges, the window is the region's guidance), and each institution's quality-control standing. Both are data that
-- administrators maintain.
create table rec_recognition_item (
    id             uuid primary key,
    code_system    varchar(200) not null,
    code           varchar(100) not null,
    name_zh        varchar(100) not null,
    name_en        varchar(100),
    kind           varchar(16) not null,
    validity_days  integer not null,
    active         boolean not null,
    updated_by     varchar(128) not null,
    updated_at     timestamp with time zone not null,
    constraint rec_recognition_item_uk unique (code_system, code)
);

create table rec_institution_quality (
    organization_id uuid primary key,
    status          varchar(16) not null,
    valid_until     date,
    note            varchar(500),
    updated_by      varchar(128) not null,
    updated_at      timestamp with time zone not null
);

-- a clinician ordering an item again although a recognised result exists, and why (FACTS.md §10: condition changed,
-- result does not fit, emergency, critical decision, patient's request)
create table rec_reorder (
    id            uuid primary key,
    resident_id   uuid not null,
    code_system   varchar(200) not null,
    code          varchar(100) not null,
    reason        varchar(32) not null,
    note          varchar(500),
    actor         varchar(128) not null,
    organization_id uuid,
    recognised_resource uuid,
    created_at    timestamp with time zone not null
);
create index rec_reorder_created_idx on rec_reorder (created_at);

-- the seed list: common lab items and imaging examinations; regions replace or extend it
insert into rec_recognition_item (id, code_system, code, name_zh, name_en, kind, validity_days, active, updated_by,
    updated_at) values
    ('81a2b0e2-d48c-5318-a0b8-1aa0e5384100', 'http://loinc.org', '58410-2', '血常规（全血细胞计数）', 'Complete blood count panel', 'LAB', 7, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('be298623-02a4-5e1b-9525-ff2e6b826963', 'http://loinc.org', '6690-2', '白细胞计数', 'Leukocytes', 'LAB', 7, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('42c14e2d-bcca-5ef0-9690-52ca9e19ae1a', 'http://loinc.org', '718-7', '血红蛋白', 'Hemoglobin', 'LAB', 14, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('17c41393-8041-5f2a-8cf5-3bba0ed55c8f', 'http://loinc.org', '777-3', '血小板计数', 'Platelets', 'LAB', 7, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('3dac6de2-6572-5c21-be83-87a003f0d12f', 'http://loinc.org', '1742-6', '丙氨酸氨基转移酶', 'ALT', 'LAB', 30, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('212d35e2-96c5-5813-94d5-f0f56fe26897', 'http://loinc.org', '1920-8', '天门冬氨酸氨基转移酶', 'AST', 'LAB', 30, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('341757a0-851e-5c0b-90de-2d892a9bf76d', 'http://loinc.org', '2160-0', '肌酐', 'Creatinine', 'LAB', 30, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('7c6aa8f3-cb92-5ec1-8bbb-85b032f68023', 'http://loinc.org', '6299-2', '尿素氮', 'Urea nitrogen', 'LAB', 30, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('0d05417f-651f-5195-84b4-38d0b4794006', 'http://loinc.org', '2345-7', '血糖', 'Glucose', 'LAB', 7, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('627f4358-84e6-53a7-975d-05528e322995', 'http://loinc.org', '1558-6', '空腹血糖', 'Fasting glucose', 'LAB', 7, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('e62fab2d-59dd-5e97-9c32-2564f3f600c7', 'http://loinc.org', '4548-4', '糖化血红蛋白', 'Hemoglobin A1c', 'LAB', 90, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('9772d216-7d1f-57c7-a6c3-0046699fa04e', 'http://loinc.org', '2093-3', '总胆固醇', 'Cholesterol', 'LAB', 90, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('80ec13be-2879-5d4a-a297-ff0d68858f1b', 'http://loinc.org', '13457-7', '低密度脂蛋白胆固醇', 'LDL cholesterol (calculated)', 'LAB', 90, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('9fbb0e80-f3ee-56f6-baaf-64df7cb777fd', 'http://loinc.org', '18262-6', '低密度脂蛋白胆固醇（直接法）', 'LDL cholesterol (direct)', 'LAB', 90, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('9ef90210-929b-5a9f-9522-66effbb31dce', 'http://loinc.org', '2571-8', '甘油三酯', 'Triglycerides', 'LAB', 90, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('c10cf6a9-7594-515f-8245-fcbe8a9f7594', 'http://loinc.org', '3016-3', '促甲状腺激素', 'TSH', 'LAB', 90, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('167834c7-53a6-5bbc-b838-42d7f56e16c2', 'http://loinc.org', '36643-5', '胸部X线正侧位', 'Chest X-ray 2 views', 'IMAGING', 180, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('7cf58a94-45a1-5d6a-b156-fbaff14e66d1', 'http://loinc.org', '24627-2', '胸部CT', 'Chest CT', 'IMAGING', 180, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('337e608e-23b8-574a-bbd1-90910991f37b', 'http://loinc.org', '24558-9', '上腹部超声', 'Abdomen ultrasound', 'IMAGING', 90, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00'),
    ('fb881a85-59d6-5fa7-a5db-27fd93bca632', 'http://loinc.org', '11524-6', '心电图', 'ECG', 'IMAGING', 30, true,
        'system', timestamp with time zone '2026-12-03 00:00:00+00');
