-- The audit trail: one row per change, written in the change's own transaction.
-- before_state / after_state hold canonical JSON as text (not jsonb) so the hashed bytes survive as written.
-- Rows are hash-chained per organisation: hash = SHA-256(prev_hash | canonical fields), so an
-- UPDATE or DELETE made behind the portal's back is found by verification.
create table audit_event (
    id              bigint generated always as identity primary key,
    organisation_id bigint      not null references organisation (id),
    seq             bigint      not null,
    occurred_at     timestamptz not null,
    actor_member_id bigint,
    actor_name      text        not null,
    action          text        not null,
    subject_type    text        not null,
    subject_id      text        not null,
    summary         text        not null,
    before_state    text,
    after_state     text,
    before_digest   text,
    after_digest    text,
    prev_hash       text        not null,
    hash            text        not null
);
create unique index audit_event_seq_key on audit_event (organisation_id, seq);
create index audit_event_time_idx on audit_event (organisation_id, occurred_at desc);
create index audit_event_subject_idx on audit_event (organisation_id, subject_type, subject_id);
create index audit_event_actor_idx on audit_event (organisation_id, actor_member_id);

-- The head of each organisation's chain. Appending locks this row, so concurrent changes are
-- chained one after the other; it also records the last sequence number, so deleting the
-- newest events is detected too.
create table audit_chain_head (
    organisation_id bigint primary key references organisation (id),
    last_seq        bigint not null,
    last_hash       text   not null
);
