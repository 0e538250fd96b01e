/**
 * Connecting official accounts to X with OAuth 2.0 (authorisation code with PKCE) through Spring
 * Security's OAuth 2.0 client, and keeping their tokens: encrypted at rest, refreshed one account
 * at a time across every instance, and the rotated refresh token saved every time.
 */
@NullMarked
package org.noticeboard.x.oauth;

import org.jspecify.annotations.NullMarked;
