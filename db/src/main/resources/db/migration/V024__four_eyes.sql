-- Four eyes: every time a post enters review from outside it (submitted, resubmitted after a
-- rejection, sent back by "Publish again") a new review round starts; only the approvals of the
-- current round count, so an approval given before a rejection or a failure is never reused.
alter table post add column review_round integer not null default 0;
alter table post_decision add column review_round integer not null default 0;
drop index post_decision_once;
create unique index post_decision_once on post_decision (post_id, review_round, revision, step, member_id)
    where decision = 'APPROVED';

-- A reply started from a reply template keeps the template's text as filled then: a revision is a
-- template reply only while its text is exactly that (no pattern matching of free text).
alter table post
    add column reply_template_id   bigint,
    add column reply_template_text text;

-- What an approved list sync carries out: the list as it was when it was approved, not as it is
-- when the background job runs.
alter table x_list_sync add column approved_member_count integer;
create table x_list_sync_target (
    sync_id        bigint  not null references x_list_sync (id) on delete cascade,
    position       integer not null,
    stakeholder_id bigint  not null,
    x_user_id      text    not null,
    primary key (sync_id, position)
);
-- jobs approved before this migration and not planned yet: their list as it is now is all there is
insert into x_list_sync_target (sync_id, position, stakeholder_id, x_user_id)
select s.id, row_number() over (partition by s.id order by m.added_at, st.id), st.id, st.x_user_id
from x_list_sync s
join follow_list_member m on m.list_id = s.list_id
join stakeholder st on st.organisation_id = m.organisation_id and st.id = m.stakeholder_id
where s.state in ('QUEUED', 'RUNNING') and s.planned_at is null
  and st.x_user_id is not null and st.x_exists is distinct from false;
update x_list_sync s set approved_member_count = (select count(*) from follow_list_member m where m.list_id = s.list_id)
where s.state in ('QUEUED', 'RUNNING') and s.planned_at is null;
