package org.noticeboard.ui.shell;

import com.vaadin.flow.component.grid.Grid;

/**
 * The height of a grid whose number of rows varies with the data (a member's posts, the review queue,
 * notifications, a list's history). A few rows are shown whole, with no empty space under them. More
 * rows scroll inside a grid of fixed height, so the browser builds only the rows in sight.
 *
 * <p>With all rows visible, Vaadin's grid builds every row at once. For 50 rows of "My posts" that cost
 * the browser about 0.7 s of CPU on each visit (measured with Chromium's performance metrics,
 * docs/performance.md): on a staff member's older laptop, a page that is slow to appear.
 */
public final class Rows {

    /** Up to this many rows, the grid is as tall as its rows. */
    public static final int SHOWN_WHOLE = 10;
    /** The height of a grid with more rows: about 12 rows in sight. */
    public static final String SCROLLING_HEIGHT = "32rem";

    private Rows() {}

    /** Sets the grid's height for {@code rows} rows; call it again whenever its items change. */
    public static void fit(Grid<?> grid, int rows) {
        boolean whole = rows <= SHOWN_WHOLE;
        grid.setAllRowsVisible(whole);
        grid.setHeight(whole ? null : SCROLLING_HEIGHT);
    }
}
