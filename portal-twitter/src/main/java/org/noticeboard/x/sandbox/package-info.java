/**
 * The X sandbox: an in-process stand-in for X API v2 and X's OAuth 2.0 server, for demo and
 * training mode and for tests. Its world (users, posts, media, lists, follows, clients and
 * grants) lives in PostgreSQL; its HTTP face is mounted under {@code /x-sandbox} and exists only
 * when {@code noticeboard.x.sandbox.enabled=true}.
 */
@NullMarked
package org.noticeboard.x.sandbox;

import org.jspecify.annotations.NullMarked;
