package org.noticeboard.ui.shell;

import com.vaadin.flow.component.HasStyle;

/** Links as the pages list them. */
public final class Links {

    private Links() {}

    /**
     * A link in a list, one under the other: at least 24 pixels high, so that it is easy to hit
     * without hitting its neighbour (WCAG 2.2, 2.5.8 target size).
     */
    public static <T extends HasStyle> T listed(T link) {
        link.getStyle().set("display", "inline-block").set("min-height", "24px").set("padding", "0.2em 0");
        return link;
    }
}
