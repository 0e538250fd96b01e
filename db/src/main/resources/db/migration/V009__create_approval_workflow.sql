-- Each official account's approval workflow, versioned: a post in review keeps the version it started with.
create table approval_workflow (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    account_id      bigint      not null,
    version         integer     not null,
    -- org.noticeboard.workflow.WorkflowDefinition as JSON
    definition      jsonb       not null,
    created_by_name text        not null,
    created_at      timestamptz not null default now(),
    constraint approval_workflow_account_fk foreign key (organisation_id, account_id)
        references official_account (organisation_id, id)
);
create unique index approval_workflow_key on approval_workflow (account_id, version);

alter table post
    add column workflow_version integer,
    -- the wall-clock time the user chose, in its zone; the instant follows from both
    add column scheduled_local  timestamp,
    add column schedule_zone    text,
    add column scheduled_at     timestamptz;

-- Approvals and rejections, each bound to one revision's content hash: an edit invalidates them.
create table post_decision (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null,
    post_id         bigint      not null,
    revision        integer     not null,
    content_hash    text        not null,
    step            integer     not null,
    member_id       bigint      not null,
    member_name     text        not null,
    decision        text        not null,
    reason          text,
    created_at      timestamptz not null default now(),
    constraint post_decision_post_fk foreign key (organisation_id, post_id) references post (organisation_id, id),
    constraint post_decision_check check (decision in ('APPROVED', 'REJECTED')),
    constraint post_decision_reason check (decision <> 'REJECTED' or length(btrim(reason)) > 0)
);
create index post_decision_post_idx on post_decision (post_id, revision);
-- nobody approves the same revision at the same step twice
create unique index post_decision_once on post_decision (post_id, revision, step, member_id) where decision = 'APPROVED';
