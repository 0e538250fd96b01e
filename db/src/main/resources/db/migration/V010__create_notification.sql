-- What needs a member's attention: a post to review, a decision on their post. Shown in the portal
-- and, where the member has an e-mail address and mail is configured, sent by e-mail.
create table notification (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    member_id       bigint      not null,
    post_id         bigint,
    text            text        not null,
    created_at      timestamptz not null default now(),
    read_at         timestamptz,
    constraint notification_member_fk foreign key (organisation_id, member_id) references member (organisation_id, id)
);
create index notification_member_idx on notification (member_id, read_at, created_at desc);
