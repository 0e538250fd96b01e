-- The X sandbox: a local stand-in for X API v2 and X's OAuth 2.0 server, used in demo and training
-- mode and by tests. Its world lives here so that demo data survives restarts. Ids are X-like
-- numbers (time in the high bits) so that since_id and until_id work as they do on X.

-- Hands out increasing ids even when the clock stands still or goes back after a restart.
create table x_sandbox_id_state (
    singleton boolean primary key default true check (singleton),
    last_id   bigint  not null
);
insert into x_sandbox_id_state (singleton, last_id) values (true, 0);

-- OAuth 2.0 clients (confidential: X wants client_secret_basic at its token endpoint).
create table x_sandbox_client (
    client_id     text        primary key,
    secret_sha256 text        not null,
    redirect_uris text[]      not null,
    created_at    timestamptz not null
);

create table x_sandbox_user (
    id          bigint      primary key,
    username    text        not null,
    name        text        not null,
    description text        not null default '',
    created_at  timestamptz not null,
    constraint x_sandbox_user_username_check check (username ~ '^[A-Za-z0-9_]{1,15}$')
);
-- X handles are unique whatever their case.
create unique index x_sandbox_user_username_key on x_sandbox_user (lower(username));

create table x_sandbox_media (
    id             bigint      primary key,
    owner_id       bigint      not null references x_sandbox_user (id),
    media_key      text        not null,
    media_category text        not null,
    content_type   text        not null,
    width          integer     not null,
    height         integer     not null,
    size_bytes     integer     not null,
    bytes          bytea       not null,
    -- set with POST /2/media/metadata, as X keeps it: at most 1,000 characters
    alt_text       text,
    created_at     timestamptz not null,
    constraint x_sandbox_media_type_check check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp'))
);

create table x_sandbox_post (
    id                  bigint      primary key,
    author_id           bigint      not null references x_sandbox_user (id),
    text                text        not null,
    created_at          timestamptz not null,
    conversation_id     bigint      not null,
    in_reply_to_post_id bigint      references x_sandbox_post (id),
    in_reply_to_user_id bigint      references x_sandbox_user (id),
    quoted_post_id      bigint      references x_sandbox_post (id),
    media_ids           bigint[]    not null default '{}',
    like_count          bigint      not null default 0,
    repost_count        bigint      not null default 0,
    reply_count         bigint      not null default 0,
    quote_count         bigint      not null default 0,
    bookmark_count      bigint      not null default 0,
    impression_count    bigint      not null default 0,
    deleted             boolean     not null default false,
    deleted_at          timestamptz
);
create index x_sandbox_post_author_idx on x_sandbox_post (author_id, id desc);
-- duplicate-content check: the same author's recent posts with the same text
create index x_sandbox_post_author_text_idx on x_sandbox_post (author_id, md5(text)) where not deleted;

-- Who a post mentions (its @handles and the author it replies to): the mentions timeline.
create table x_sandbox_mention (
    user_id bigint not null references x_sandbox_user (id),
    post_id bigint not null references x_sandbox_post (id),
    primary key (user_id, post_id)
);

create table x_sandbox_list (
    id          bigint      primary key,
    owner_id    bigint      not null references x_sandbox_user (id),
    name        text        not null,
    description text,
    private     boolean     not null default false,
    created_at  timestamptz not null
);

create table x_sandbox_list_member (
    list_id  bigint      not null references x_sandbox_list (id),
    user_id  bigint      not null references x_sandbox_user (id),
    -- pages of members follow the order in which they were added
    position bigint      not null,
    added_at timestamptz not null,
    primary key (list_id, user_id)
);
create unique index x_sandbox_list_member_position_key on x_sandbox_list_member (list_id, position);

create table x_sandbox_follow (
    source_user_id bigint      not null references x_sandbox_user (id),
    target_user_id bigint      not null references x_sandbox_user (id),
    created_at     timestamptz not null,
    primary key (source_user_id, target_user_id)
);

-- A consent page shown to someone; its one-time form token (hashed) binds the decision posted
-- back to exactly the request that was shown.
create table x_sandbox_consent (
    form_token_sha256     text        primary key,
    client_id             text        not null references x_sandbox_client (client_id),
    redirect_uri          text        not null,
    scopes                text        not null,
    state                 text        not null,
    code_challenge        text        not null,
    code_challenge_method text        not null,
    created_at            timestamptz not null,
    expires_at            timestamptz not null,
    used_at               timestamptz
);

-- One authorisation: the code and every token issued from it share it, so that reusing the code
-- or a rotated refresh token revokes them all together.
create table x_sandbox_grant (
    id         uuid        primary key,
    client_id  text        not null references x_sandbox_client (client_id),
    user_id    bigint      not null references x_sandbox_user (id),
    scopes     text        not null,
    created_at timestamptz not null,
    revoked_at timestamptz
);

-- Only SHA-256 hashes of codes and tokens are stored.
create table x_sandbox_authorization_code (
    code_sha256           text        primary key,
    grant_id              uuid        not null references x_sandbox_grant (id),
    redirect_uri          text        not null,
    code_challenge        text        not null,
    code_challenge_method text        not null,
    issued_at             timestamptz not null,
    expires_at            timestamptz not null,
    used_at               timestamptz
);

create table x_sandbox_token (
    token_sha256 text        primary key,
    grant_id     uuid        not null references x_sandbox_grant (id),
    kind         text        not null,
    issued_at    timestamptz not null,
    expires_at   timestamptz,
    -- a refresh token is used once: rotated_at says when it was exchanged
    rotated_at   timestamptz,
    revoked_at   timestamptz,
    constraint x_sandbox_token_kind_check check (kind in ('ACCESS', 'REFRESH'))
);
create index x_sandbox_token_grant_idx on x_sandbox_token (grant_id);
