create table official_account (
    id               bigint generated always as identity primary key,
    organisation_id  bigint      not null references organisation (id),
    department_id    bigint,
    handle           text        not null,
    display_name     text        not null,
    connection_state text        not null default 'NOT_CONNECTED',
    created_at       timestamptz not null default now(),
    version          integer     not null default 0,
    constraint official_account_department_fk foreign key (organisation_id, department_id)
        references department (organisation_id, id),
    -- X handles: 1 to 15 letters, digits or underscores, stored without the @
    constraint official_account_handle_format check (handle ~ '^[A-Za-z0-9_]{1,15}$'),
    constraint official_account_state_check
        check (connection_state in ('NOT_CONNECTED', 'CONNECTED', 'NEEDS_RECONNECT'))
);
create unique index official_account_handle_key on official_account (organisation_id, lower(handle));
create unique index official_account_org_id_key on official_account (organisation_id, id);
