create table department (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    name            text        not null,
    created_at      timestamptz not null default now(),
    version         integer     not null default 0,
    constraint department_name_not_blank check (length(btrim(name)) > 0),
    constraint department_name_length check (length(name) <= 120)
);
-- "Physiotherapy" and "physiotherapy " are the same department.
create unique index department_name_key on department (organisation_id, lower(btrim(name)));
-- lets child tables reference (organisation_id, id) so a row can never point into another tenant
create unique index department_org_id_key on department (organisation_id, id);
