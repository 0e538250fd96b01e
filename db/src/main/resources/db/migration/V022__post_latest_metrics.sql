-- The impact dashboard reads each published post's latest metrics (the snapshot of its highest
-- milestone, 1 hour < 1 day < 7 days) from the post itself: one row read per post instead of a
-- lookup into post_metric_snapshot per post. A trigger keeps these columns in step with the
-- snapshots whichever way a snapshot is written, changed or removed; the snapshots stay the record.
alter table post
    add column metrics_milestone_hours integer,
    add column metrics_likes           integer,
    add column metrics_reposts         integer,
    add column metrics_replies         integer,
    add column metrics_quotes          integer,
    add column metrics_impressions     bigint,
    add column metrics_engagements     bigint generated always as
        (metrics_likes::bigint + metrics_reposts + metrics_replies + metrics_quotes) stored;

create function post_latest_metrics_refresh() returns trigger language plpgsql as $$
begin
    update post p
       set (metrics_milestone_hours, metrics_likes, metrics_reposts, metrics_replies, metrics_quotes, metrics_impressions) =
           (select s.milestone_hours, s.likes, s.reposts, s.replies, s.quotes, s.impressions
              from post_metric_snapshot s
             where s.post_id = p.id
             order by s.milestone_hours desc
             limit 1)
     where p.id in (case when tg_op = 'DELETE' then old.post_id else new.post_id end,
                    case when tg_op = 'UPDATE' then old.post_id else null end);
    return null;
end
$$;

create trigger post_metric_snapshot_latest
    after insert or update or delete on post_metric_snapshot
    for each row execute function post_latest_metrics_refresh();

update post p
   set (metrics_milestone_hours, metrics_likes, metrics_reposts, metrics_replies, metrics_quotes, metrics_impressions) =
       (select s.milestone_hours, s.likes, s.reposts, s.replies, s.quotes, s.impressions
          from post_metric_snapshot s
         where s.post_id = p.id
         order by s.milestone_hours desc
         limit 1)
 where exists (select 1 from post_metric_snapshot s where s.post_id = p.id);

-- top posts of an account: the most engaging first, read from the index with a LIMIT
create index post_top_engagement_idx on post (organisation_id, account_id, metrics_engagements desc, published_at desc, id desc)
    where state = 'PUBLISHED' and metrics_engagements is not null;
