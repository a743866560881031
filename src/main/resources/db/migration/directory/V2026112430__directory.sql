-- Directory (directory module): organisations, departments, practitioners and where they practise.
create table directory_department_code (
    code    varchar(8) primary key,
    name_zh varchar(64) not null,
    name_en varchar(96) not null
);

create table directory_organization (
    id             uuid primary key,
    name           varchar(128) not null,
    type           varchar(32) not null,
    level          varchar(2),
    grade          varchar(2),
    uscc           varchar(18),
    division_code  varchar(12),
    address        varchar(256),
    phone          varchar(32),
    latitude       numeric(9, 6),
    longitude      numeric(9, 6),
    active         boolean not null default true,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    constraint directory_organization_uscc_uk unique (uscc)
);
create index directory_organization_name_idx on directory_organization (name);
create index directory_organization_type_idx on directory_organization (type, level);

create table directory_department (
    organization_id uuid not null references directory_organization (id) on delete cascade,
    code            varchar(8) not null references directory_department_code (code),
    name            varchar(64) not null,
    primary key (organization_id, code)
);

create table directory_practitioner (
    id             uuid primary key,
    name           varchar(64) not null,
    kind           varchar(16) not null,
    sex            varchar(8) not null,
    title          varchar(32),
    licence_number varchar(32) not null,
    specialties    varchar(256),
    active         boolean not null default true,
    created_at     timestamp with time zone not null,
    constraint directory_practitioner_licence_uk unique (kind, licence_number)
);
create index directory_practitioner_name_idx on directory_practitioner (name);

create table directory_practitioner_role (
    id              uuid primary key,
    practitioner_id uuid not null references directory_practitioner (id) on delete cascade,
    organization_id uuid not null references directory_organization (id) on delete cascade,
    department_code varchar(8),
    primary_site    boolean not null default false
);
create index directory_practitioner_role_org_idx on directory_practitioner_role (organization_id);
create index directory_practitioner_role_pract_idx on directory_practitioner_role (practitioner_id);

-- 医疗机构诊疗科目名录 (standard department codes, first level)
insert into directory_department_code (code, name_zh, name_en) values
('01', '预防保健科', 'Preventive care'),
('02', '全科医疗科', 'General practice'),
('03', '内科', 'Internal medicine'),
('04', '外科', 'Surgery'),
('05', '妇产科', 'Obstetrics and gynaecology'),
('06', '妇女保健科', 'Women''s health care'),
('07', '儿科', 'Paediatrics'),
('08', '小儿外科', 'Paediatric surgery'),
('09', '儿童保健科', 'Child health care'),
('10', '眼科', 'Ophthalmology'),
('11', '耳鼻咽喉科', 'Otorhinolaryngology'),
('12', '口腔科', 'Stomatology'),
('13', '皮肤科', 'Dermatology'),
('15', '精神科', 'Psychiatry'),
('16', '传染科', 'Infectious diseases'),
('17', '结核病科', 'Tuberculosis'),
('19', '肿瘤科', 'Oncology'),
('20', '急诊医学科', 'Emergency medicine'),
('21', '康复医学科', 'Rehabilitation medicine'),
('26', '麻醉科', 'Anaesthesiology'),
('28', '重症医学科', 'Critical care medicine'),
('30', '医学检验科', 'Laboratory medicine'),
('31', '病理科', 'Pathology'),
('32', '医学影像科', 'Medical imaging'),
('50', '中医科', 'Traditional Chinese medicine'),
('52', '中西医结合科', 'Integrated Chinese and Western medicine');
