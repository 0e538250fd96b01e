-- Organisation admin and auditor are organisation-wide roles (issue 20): a grant of either for one department
-- used to act across the whole organisation (a Physiotherapy-only admin could grant themselves organisation-wide
-- admin; a Physiotherapy-only auditor searched every department's drafts). From now on the application refuses
-- such grants and ignores any that is stored. The ones stored so far are deleted here, never widened to the whole
-- organisation: whoever should hold the role across the organisation is granted it again by an organisation admin.
-- (The deletion is not in the audit trail: the trail is hash-chained by the application and cannot be written
-- from SQL; the grants themselves conferred nothing since this version's code.)
delete from role_grant
where department_id is not null
  and role in ('ORG_ADMIN', 'AUDITOR');
