-- Each member's images are summed for the storage quota on every upload, and images no revision
-- uses are removed a day after their upload: both need to find their rows without reading the
-- whole table (and the image bytes in it). Deleting an image also looks for revisions that use it.
create index media_uploaded_by_idx on media (organisation_id, uploaded_by);
create index media_created_at_idx on media (created_at);
create index post_revision_media_media_idx on post_revision_media (organisation_id, media_id);
