-- The conversation about a post between its author and its approvers.
create table post_comment (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    post_id         bigint      not null,
    member_id       bigint      not null,
    member_name     text        not null,
    text            text        not null,
    created_at      timestamptz not null default now(),
    constraint post_comment_post_fk foreign key (organisation_id, post_id) references post (organisation_id, id),
    constraint post_comment_text check (length(btrim(text)) > 0 and length(text) <= 2000)
);
create index post_comment_post_idx on post_comment (post_id, created_at);
