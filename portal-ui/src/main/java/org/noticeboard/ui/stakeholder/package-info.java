/**
 * The stakeholder directory, its CSV import, follow lists with their editor, and the public page
 * of a list shared by link.
 */
@NullMarked
package org.noticeboard.ui.stakeholder;

import org.jspecify.annotations.NullMarked;
