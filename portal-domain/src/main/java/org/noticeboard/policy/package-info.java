/**
 * The organisation's social-media policy and the engine that checks a post against it. The
 * engine ({@link PolicyEngine} and its rules) is plain Java: no Spring, no database, no Vaadin,
 * so it runs as the user types and again in the domain on save and submit.
 */
@NullMarked
package org.noticeboard.policy;

import org.jspecify.annotations.NullMarked;
