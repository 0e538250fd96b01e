-- db-scheduler's table (its PostgreSQL layout, version 16): publishing and other background work
-- is coordinated between portal instances through it.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- The X user an official account is connected to, and why it must be reconnected when X stopped
-- accepting its tokens.
alter table official_account
    add column x_user_id          text,
    add column x_username         text,
    add column x_name             text,
    add column connected_at       timestamptz,
    add column connection_problem text;
create unique index official_account_x_user_key on official_account (x_user_id) where x_user_id is not null;

-- OAuth 2.0 authorised clients for X, one per official account. Tokens are AES-GCM encrypted,
-- each value as "<key id>:<base64 of nonce and ciphertext>" so keys can be rotated.
create table x_authorized_client (
    account_id              bigint      primary key references official_account (id),
    registration_id         text        not null,
    access_token            text        not null,
    access_token_issued_at  timestamptz,
    access_token_expires_at timestamptz,
    scopes                  text        not null,
    refresh_token           text,
    refresh_token_issued_at timestamptz,
    refreshed_count         integer     not null default 0,
    updated_at              timestamptz not null default now()
);

-- Publication: what X gave back, and the state of the current attempt.
alter table post
    add column x_post_id           text,
    add column published_at        timestamptz,
    add column publish_attempts    integer not null default 0,
    -- set while a request to create the post may have reached X: a retry must reconcile first
    add column publish_started_at  timestamptz,
    add column next_attempt_at     timestamptz,
    add column publish_problem     text,
    add column publish_problem_kind text;
create unique index post_x_post_id_key on post (x_post_id) where x_post_id is not null;
create index post_due_idx on post (coalesce(next_attempt_at, scheduled_at)) where state in ('SCHEDULED', 'PUBLISHING');

-- Every attempt to publish a post, for the post's history and the auditor's dossier.
create table post_publication_attempt (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    post_id         bigint      not null,
    attempt         integer     not null,
    started_at      timestamptz not null,
    finished_at     timestamptz,
    outcome         text        not null,
    detail          text,
    x_post_id       text,
    constraint post_publication_attempt_post_fk foreign key (organisation_id, post_id) references post (organisation_id, id),
    constraint post_publication_attempt_outcome check (outcome in ('SENT', 'PUBLISHED', 'RECONCILED', 'RETRY',
        'RATE_LIMITED', 'FAILED', 'UNKNOWN'))
);
create index post_publication_attempt_post_idx on post_publication_attempt (post_id, attempt);
