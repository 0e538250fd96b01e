-- Campaigns say what they are for; the impact dashboard measures posts against it.
alter table campaign
    add column goal text,
    add constraint campaign_goal_length check (goal is null or length(goal) <= 1000);

-- A tweet chat (seed 000, #physiotalk): an hour of question posts Q1..Qn on one account, planned and
-- approved together; each question is an ordinary post passing the same checks and workflow.
create table tweet_chat (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    account_id      bigint      not null,
    campaign_id     bigint,
    title           text        not null,
    hashtag         text        not null,
    planned_by      bigint      not null,
    created_at      timestamptz not null default now(),
    -- the first and the last question's time: chats of one account must not overlap
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    constraint tweet_chat_account_fk foreign key (organisation_id, account_id) references official_account (organisation_id, id),
    constraint tweet_chat_campaign_fk foreign key (organisation_id, campaign_id) references campaign (organisation_id, id),
    constraint tweet_chat_planner_fk foreign key (organisation_id, planned_by) references member (organisation_id, id),
    constraint tweet_chat_title_length check (length(btrim(title)) between 1 and 200),
    constraint tweet_chat_times check (starts_at <= ends_at)
);
create unique index tweet_chat_org_id_key on tweet_chat (organisation_id, id);
create index tweet_chat_account_idx on tweet_chat (organisation_id, account_id, starts_at);

create table tweet_chat_question (
    tweet_chat_id   bigint  not null references tweet_chat (id),
    position        integer not null,
    organisation_id bigint  not null,
    post_id         bigint  not null,
    primary key (tweet_chat_id, position),
    constraint tweet_chat_question_post_fk foreign key (organisation_id, post_id) references post (organisation_id, id),
    constraint tweet_chat_question_position check (position >= 1)
);
create unique index tweet_chat_question_post_key on tweet_chat_question (post_id);

-- A published post's public metrics, fetched from X 1 hour, 1 day and 7 days after publication:
-- one row per post and milestone (the unique key keeps a second fetch from adding a duplicate).
create table post_metric_snapshot (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    post_id         bigint      not null,
    milestone_hours integer     not null,
    taken_at        timestamptz not null,
    likes           integer     not null,
    reposts         integer     not null,
    replies         integer     not null,
    quotes          integer     not null,
    impressions     bigint,
    constraint post_metric_snapshot_post_fk foreign key (organisation_id, post_id) references post (organisation_id, id),
    constraint post_metric_snapshot_milestone check (milestone_hours in (1, 24, 168)),
    constraint post_metric_snapshot_counts check (likes >= 0 and reposts >= 0 and replies >= 0 and quotes >= 0
        and (impressions is null or impressions >= 0))
);
create unique index post_metric_snapshot_key on post_metric_snapshot (post_id, milestone_hours);

-- X no longer has the post (deleted there): its metrics are not fetched again; the last ones stay.
alter table post add column gone_from_x_at timestamptz;
-- published posts by account and time, for the dashboard and for finding metrics that are due
create index post_published_state_idx on post (organisation_id, account_id, published_at) where state = 'PUBLISHED';
