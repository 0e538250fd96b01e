/**
 * The organisation's stakeholder directory: people and organisations worth following or
 * influencing, checked against X, searchable, and imported from or exported to CSV.
 */
@NullMarked
package org.noticeboard.stakeholder;

import org.jspecify.annotations.NullMarked;
