/** Telling members what needs them: in the portal, and by e-mail through the {@link MailOutbox} the application provides. */
@NullMarked
package org.noticeboard.notification;

import org.jspecify.annotations.NullMarked;
