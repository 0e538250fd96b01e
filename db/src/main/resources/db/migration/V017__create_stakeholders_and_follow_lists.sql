-- Trigram indexes make the directory's free-text search ("contains", not only "starts with") fast
-- on tens of thousands of stakeholders. The extension lives in its own schema so that its functions
-- stay out of the generated jOOQ code; its operators work wherever it is installed.
create schema if not exists extensions;
create extension if not exists pg_trgm schema extensions;

-- The organisation's stakeholder directory: who matters, checked against X.
create table stakeholder (
    id               bigint generated always as identity primary key,
    organisation_id  bigint      not null references organisation (id),
    handle           text        not null,
    name             text        not null,
    category         text        not null,
    region           text,
    topics           text[]      not null default '{}',
    political        boolean     not null default false,
    -- internal notes: never shown on a public list
    notes            text,
    -- what X said when the handle was last checked
    x_user_id        text,
    x_name           text,
    followers_count  integer,
    x_exists         boolean,
    checked_at       timestamptz,
    created_by       bigint,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    version          integer     not null default 0,
    -- what free-text search looks in: name and handle, lower-cased once here instead of in every query
    search_text      text        generated always as (lower(name || ' ' || handle)) stored,
    constraint stakeholder_handle_format check (handle ~ '^[A-Za-z0-9_]{1,15}$'),
    constraint stakeholder_category_check check (category in ('MP', 'MINISTER', 'DEVOLVED_MEMBER', 'NHS_ORGANISATION',
        'ICB_HEALTH_BOARD', 'THINK_TANK', 'CHARITY', 'PATIENT_GROUP', 'PROFESSIONAL_BODY', 'ROYAL_COLLEGE', 'MEDIA',
        'ACADEMIC', 'AHP_LEADER', 'OTHER')),
    constraint stakeholder_name_length check (length(name) between 1 and 200),
    constraint stakeholder_notes_length check (notes is null or length(notes) <= 5000)
);
create unique index stakeholder_handle_key on stakeholder (organisation_id, lower(handle));
create unique index stakeholder_x_user_key on stakeholder (organisation_id, x_user_id) where x_user_id is not null;
create unique index stakeholder_org_id_key on stakeholder (organisation_id, id);
-- the directory is listed by name, page by page, whole or filtered by category
create index stakeholder_name_idx on stakeholder (organisation_id, lower(name), id);
create index stakeholder_category_idx on stakeholder (organisation_id, category, lower(name), id);
create index stakeholder_search_idx on stakeholder using gin (search_text extensions.gin_trgm_ops);

-- Follow lists curated by a department and shared as it chooses.
create table follow_list (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    department_id   bigint      not null,
    name            text        not null,
    description     text,
    purpose         text,
    -- DEPARTMENT: its own department; ORGANISATION: every member; PUBLIC: also anyone with the link
    visibility      text        not null default 'DEPARTMENT',
    public_token    text,
    forked_from     bigint      references follow_list (id) on delete set null,
    created_by      bigint,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    version         integer     not null default 0,
    constraint follow_list_department_fk foreign key (organisation_id, department_id)
        references department (organisation_id, id),
    constraint follow_list_visibility_check check (visibility in ('DEPARTMENT', 'ORGANISATION', 'PUBLIC')),
    constraint follow_list_public_token check ((visibility = 'PUBLIC') = (public_token is not null)),
    constraint follow_list_name_length check (length(name) between 1 and 200)
);
create unique index follow_list_org_id_key on follow_list (organisation_id, id);
create unique index follow_list_public_token_key on follow_list (public_token) where public_token is not null;

create table follow_list_member (
    list_id         bigint      not null references follow_list (id) on delete cascade,
    organisation_id bigint      not null,
    stakeholder_id  bigint      not null,
    added_by        bigint,
    added_at        timestamptz not null default now(),
    primary key (list_id, stakeholder_id),
    constraint follow_list_member_stakeholder_fk foreign key (organisation_id, stakeholder_id)
        references stakeholder (organisation_id, id)
);
create index follow_list_member_stakeholder_idx on follow_list_member (stakeholder_id);

-- Every change to a list's members, kept: who added or removed whom, when, and why.
create table follow_list_change (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    list_id         bigint      not null references follow_list (id) on delete cascade,
    stakeholder_id  bigint      not null,
    -- kept as they were, so the history still says whom after the stakeholder has left the directory
    stakeholder_handle text     not null,
    stakeholder_name   text     not null,
    change          text        not null,
    member_id       bigint,
    member_name     text        not null,
    note            text,
    at              timestamptz not null default now(),
    constraint follow_list_change_check check (change in ('ADDED', 'REMOVED')),
    constraint follow_list_change_note_length check (note is null or length(note) <= 1000)
);
create index follow_list_change_list_idx on follow_list_change (list_id, id);

-- Other departments subscribe to a list and see what changed since they last looked.
create table follow_list_subscription (
    list_id             bigint      not null references follow_list (id) on delete cascade,
    organisation_id     bigint      not null,
    department_id       bigint      not null,
    subscribed_by       bigint,
    last_seen_change_id bigint      not null default 0,
    created_at          timestamptz not null default now(),
    primary key (list_id, department_id),
    constraint follow_list_subscription_department_fk foreign key (organisation_id, department_id)
        references department (organisation_id, id)
);

-- Syncing a list to an X List owned by an official account, or following everyone on it.
create table x_list_sync (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    list_id         bigint      not null references follow_list (id),
    account_id      bigint      not null,
    kind            text        not null,
    -- AWAITING_APPROVAL until an account admin of the account approves; then QUEUED, RUNNING, DONE or FAILED
    state           text        not null default 'AWAITING_APPROVAL',
    x_list_id       text,
    total           integer     not null default 0,
    done            integer     not null default 0,
    added           integer     not null default 0,
    removed         integer     not null default 0,
    failed          integer     not null default 0,
    requested_by    bigint      not null,
    approved_by     bigint,
    created_at      timestamptz not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    next_at         timestamptz,
    message         text,
    constraint x_list_sync_account_fk foreign key (organisation_id, account_id) references official_account (organisation_id, id),
    constraint x_list_sync_kind_check check (kind in ('SYNC_LIST', 'FOLLOW_ALL')),
    constraint x_list_sync_state_check check (state in ('AWAITING_APPROVAL', 'QUEUED', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'))
);
create index x_list_sync_list_idx on x_list_sync (list_id, id);

-- The planned changes of one sync, done one by one so a restart resumes where it stopped.
create table x_list_sync_item (
    sync_id     bigint not null references x_list_sync (id) on delete cascade,
    x_user_id   text   not null,
    action      text   not null,
    state       text   not null default 'PENDING',
    detail      text,
    primary key (sync_id, action, x_user_id),
    constraint x_list_sync_item_action check (action in ('ADD', 'REMOVE', 'FOLLOW')),
    constraint x_list_sync_item_state check (state in ('PENDING', 'DONE', 'FAILED'))
);
