-- The inbox's own additions to V018: likes and reposts made from the inbox, the poll's place in a
-- run of pages, reposts as posts of their own kind, and likes and reposts on the sandbox's X.

-- A like is sent to X at once by an approver; a repost is a post of kind REPOST through the workflow.
alter table mention
    add column liked_at       timestamptz,
    add column liked_by_name  text,
    add column repost_post_id bigint,
    add column quote_post_id  bigint,
    add constraint mention_repost_post_fk foreign key (organisation_id, repost_post_id) references post (organisation_id, id),
    add constraint mention_quote_post_fk foreign key (organisation_id, quote_post_id) references post (organisation_id, id);

-- X pages a mentions timeline newest first. Until the last page of a run is read, since_id stays
-- where it was and the next page's token is kept, so a restart neither skips nor repeats a page;
-- pending_newest_x_post_id becomes newest_x_post_id when the run's last page is in.
alter table mention_poll
    add column pagination_token         text,
    add column pending_newest_x_post_id text,
    add column fetched_total            bigint not null default 0;

-- A repost has no text of its own: its revision's quote_url names the post to repost.
alter table post
    add column kind text not null default 'POST',
    add constraint post_kind_check check (kind in ('POST', 'REPOST'));

create table x_sandbox_like (
    user_id    bigint      not null references x_sandbox_user (id),
    post_id    bigint      not null references x_sandbox_post (id),
    created_at timestamptz not null,
    primary key (user_id, post_id)
);

create table x_sandbox_repost (
    id         bigint      primary key,
    user_id    bigint      not null references x_sandbox_user (id),
    post_id    bigint      not null references x_sandbox_post (id),
    created_at timestamptz not null
);
create unique index x_sandbox_repost_user_post_key on x_sandbox_repost (user_id, post_id);
