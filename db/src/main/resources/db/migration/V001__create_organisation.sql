-- Tenants. Nothing of one organisation is visible to another; every table below hangs off this one.
create table organisation (
    id          bigint generated always as identity primary key,
    slug        text        not null,
    name        text        not null,
    time_zone   text        not null default 'Europe/London',
    created_at  timestamptz not null default now(),
    version     integer     not null default 0,
    constraint organisation_slug_format check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    constraint organisation_name_not_blank check (length(btrim(name)) > 0)
);
create unique index organisation_slug_key on organisation (slug);
