-- A post for an official account; its content lives in immutable revisions.
create table post (
    id                  bigint generated always as identity primary key,
    organisation_id     bigint      not null references organisation (id),
    account_id          bigint      not null,
    author_id           bigint      not null,
    state               text        not null default 'DRAFT',
    review_step         integer,
    current_revision    integer     not null default 0,
    submitted_at        timestamptz,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    version             integer     not null default 0,
    constraint post_account_fk foreign key (organisation_id, account_id) references official_account (organisation_id, id),
    constraint post_author_fk foreign key (organisation_id, author_id) references member (organisation_id, id),
    constraint post_state_check check (state in ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHING',
        'PUBLISHED', 'FAILED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'))
);
create unique index post_org_id_key on post (organisation_id, id);
create index post_author_idx on post (organisation_id, author_id);
create index post_account_idx on post (organisation_id, account_id, state);

-- Images, stored once per organisation; revisions refer to them with their alt text.
create table media (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    uploaded_by     bigint      not null,
    file_name       text        not null,
    content_type    text        not null,
    size_bytes      integer     not null,
    width           integer     not null,
    height          integer     not null,
    sha256          text        not null,
    bytes           bytea       not null,
    created_at      timestamptz not null default now(),
    constraint media_type_check check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp'))
);
create unique index media_org_id_key on media (organisation_id, id);

create table post_revision (
    id               bigint generated always as identity primary key,
    organisation_id  bigint      not null,
    post_id          bigint      not null,
    number           integer     not null,
    text             text        not null,
    reply_to_url     text,
    quote_url        text,
    campaign_id      bigint,
    author_id        bigint      not null,
    author_name      text        not null,
    content_hash     text        not null,
    policy_version   integer     not null,
    weighted_length  integer     not null,
    blocked          boolean     not null,
    -- every finding of the check made with policy_version, each with the author's justification if any
    findings         jsonb       not null,
    created_at       timestamptz not null default now(),
    constraint post_revision_post_fk foreign key (organisation_id, post_id) references post (organisation_id, id),
    constraint post_revision_campaign_fk foreign key (organisation_id, campaign_id) references campaign (organisation_id, id),
    constraint post_revision_text_length check (length(text) <= 25000)
);
create unique index post_revision_key on post_revision (post_id, number);

create table post_revision_media (
    revision_id     bigint  not null references post_revision (id),
    position        integer not null,
    organisation_id bigint  not null,
    media_id        bigint  not null,
    alt_text        text,
    primary key (revision_id, position),
    constraint post_revision_media_fk foreign key (organisation_id, media_id) references media (organisation_id, id),
    constraint post_revision_media_position check (position between 0 and 3),
    constraint post_revision_media_alt_length check (alt_text is null or length(alt_text) <= 1000)
);
