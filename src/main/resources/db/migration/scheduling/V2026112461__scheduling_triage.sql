-- Smart triage (scheduling module, 智能导医): knowledge-base terms that administrators add at run time. The engine
-- merges them with the bundled scheduling/triage/knowledge.json: a row whose code names a bundled term adds
-- phrasings (and department weights) to it, any other row is a new symptom term. A red_flag row is on its own a
-- red flag, with its advice. Rows are deleted, not edited; both are audited.
create table scheduling_triage_term (
    id          uuid primary key,
    code        varchar(64) not null,
    name_zh     varchar(64) not null,
    name_en     varchar(128),
    -- JSON array of phrasings, e.g. ["老跑茅房"]
    synonyms    varchar(4000) not null,
    -- JSON object of standard department code (诊疗科目代码) to weight, e.g. {"03": 1.0}
    departments varchar(1000) not null,
    red_flag    boolean not null default false,
    advice_zh   varchar(500),
    advice_en   varchar(500),
    created_by  varchar(64) not null,
    created_at  timestamp with time zone not null
);
create index scheduling_triage_term_created_idx on scheduling_triage_term (created_at);
