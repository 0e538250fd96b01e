/**
 * Publishing approved posts to X exactly once: {@link org.noticeboard.publish.Publisher} takes one
 * due post at a time under a PostgreSQL advisory lock, reconciles any attempt whose outcome is
 * unknown before trying again, and turns every X failure into words and a next step.
 */
@NullMarked
package org.noticeboard.publish;

import org.jspecify.annotations.NullMarked;
