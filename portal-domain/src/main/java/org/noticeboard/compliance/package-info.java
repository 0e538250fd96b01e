/**
 * The auditor's workspace: a post's whole life (dossier), compliance reports over a period with
 * their CSV and PDF exports, the comparison of an account's posts on X with Noticeboard's, and the
 * organisation's named pre-election periods. Read-only for auditors; every look is recorded.
 */
@NullMarked
package org.noticeboard.compliance;

import org.jspecify.annotations.NullMarked;
