-- Secrets an installation makes for itself on its first start (the portal's client secret at the
-- X sandbox), kept here so that every instance on this database, and every restart, uses the same
-- one: a secret that changed would break the connections made with the old one.
create table installation_secret (
    name       text        primary key,
    value      text        not null,
    created_at timestamptz not null
);
