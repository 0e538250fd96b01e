-- Every saved change to an organisation's policy is a new version; old versions stay readable.
create table policy_version (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    version         integer     not null,
    -- org.noticeboard.policy.PolicySettings as JSON
    settings        jsonb       not null,
    note            text,
    created_by      bigint,
    created_by_name text        not null,
    created_at      timestamptz not null default now(),
    constraint policy_version_positive check (version > 0)
);
create unique index policy_version_key on policy_version (organisation_id, version);

-- The organisation's social-media guidance in plain words, one row per section; findings link here.
create table guidance_section (
    organisation_id bigint      not null references organisation (id),
    anchor          text        not null,
    title           text        not null,
    body            text        not null,
    position        integer     not null,
    updated_by_name text        not null,
    updated_at      timestamptz not null default now(),
    version         integer     not null default 0,
    primary key (organisation_id, anchor)
);
