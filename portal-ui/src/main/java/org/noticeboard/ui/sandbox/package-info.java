/** The X sandbox as the world would see it, for demo and training installations. */
@NullMarked
package org.noticeboard.ui.sandbox;

import org.jspecify.annotations.NullMarked;
