create table campaign (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    name            text        not null,
    hashtags        text[]      not null default '{}',
    starts_on       date,
    ends_on         date,
    created_at      timestamptz not null default now(),
    constraint campaign_name_not_blank check (length(btrim(name)) > 0),
    constraint campaign_dates check (starts_on is null or ends_on is null or starts_on <= ends_on)
);
create unique index campaign_name_key on campaign (organisation_id, lower(btrim(name)));
create unique index campaign_org_id_key on campaign (organisation_id, id);
