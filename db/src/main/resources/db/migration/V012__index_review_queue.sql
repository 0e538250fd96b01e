-- The review queue reads posts in review of some accounts, soonest scheduled first.
create index post_queue_idx on post (organisation_id, account_id, review_step, scheduled_at, submitted_at, id)
    where state = 'IN_REVIEW';
