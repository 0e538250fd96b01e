/** Tweet chats (seed 000, #physiotalk): a series of question posts at set times, approved together. */
@NullMarked
package org.noticeboard.tweetchat;

import org.jspecify.annotations.NullMarked;
