-- The mentions inbox: posts on X that mention one of the organisation's connected official accounts.
-- Text and names come from X and are untrusted: they are only ever shown as plain text.
create table mention (
    id                     bigint generated always as identity primary key,
    organisation_id        bigint      not null references organisation (id),
    account_id             bigint      not null,
    x_post_id              text        not null,
    author_x_user_id       text        not null,
    author_username        text        not null,
    author_name            text,
    text                   text        not null,
    -- when the mention was posted on X, and when Noticeboard fetched it
    posted_at              timestamptz not null,
    fetched_at             timestamptz not null,
    -- the X post it answers, when it is a reply (to one of ours or to anyone)
    in_reply_to_x_post_id  text,
    conversation_id        text,
    -- the organisation's stakeholder with the author's X user id, when there is one
    stakeholder_id         bigint,
    state                  text        not null default 'NEW',
    assignee_member_id     bigint,
    assignee_department_id bigint,
    -- the first answer published on X (a reply, quote or repost through Noticeboard), or the
    -- decision that no action was needed; first_response_at - posted_at is the first response time
    first_response_at      timestamptz,
    reply_post_id          bigint,
    deleted_on_x           boolean     not null default false,
    version                integer     not null default 0,
    constraint mention_account_fk foreign key (organisation_id, account_id) references official_account (organisation_id, id),
    constraint mention_stakeholder_fk foreign key (organisation_id, stakeholder_id) references stakeholder (organisation_id, id),
    constraint mention_assignee_member_fk foreign key (organisation_id, assignee_member_id) references member (organisation_id, id),
    constraint mention_assignee_department_fk foreign key (organisation_id, assignee_department_id) references department (organisation_id, id),
    constraint mention_reply_post_fk foreign key (organisation_id, reply_post_id) references post (organisation_id, id),
    constraint mention_state_check check (state in ('NEW', 'ASSIGNED', 'REPLIED', 'NO_ACTION', 'ESCALATED')),
    constraint mention_one_assignee check (assignee_member_id is null or assignee_department_id is null)
);
create unique index mention_account_post_key on mention (account_id, x_post_id);
create index mention_inbox_idx on mention (organisation_id, account_id, posted_at desc);
create index mention_state_idx on mention (organisation_id, state, posted_at desc);
create index mention_stakeholder_idx on mention (organisation_id, stakeholder_id) where stakeholder_id is not null;

-- Internal notes on a mention: never sent to X.
create table mention_note (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    mention_id      bigint      not null references mention (id),
    author_id       bigint      not null,
    body            text        not null,
    created_at      timestamptz not null,
    constraint mention_note_author_fk foreign key (organisation_id, author_id) references member (organisation_id, id),
    constraint mention_note_length check (length(body) between 1 and 5000)
);
create index mention_note_mention_idx on mention_note (mention_id, created_at);

-- Where polling of each account's mentions has got to (X's since_id), so a restart neither
-- fetches twice nor leaves a gap.
create table mention_poll (
    account_id      bigint      primary key references official_account (id),
    organisation_id bigint      not null references organisation (id),
    newest_x_post_id text,
    last_polled_at  timestamptz,
    last_problem    text
);
