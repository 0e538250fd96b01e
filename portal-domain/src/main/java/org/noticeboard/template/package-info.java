/** Pre-approved reply templates: replies that follow one may need only the first approval step. */
@NullMarked
package org.noticeboard.template;

import org.jspecify.annotations.NullMarked;
