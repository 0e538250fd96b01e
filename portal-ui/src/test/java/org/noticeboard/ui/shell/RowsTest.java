package org.noticeboard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;

/** A grid shows a few rows whole and scrolls many, and changes as its rows change (no UI needed). */
class RowsTest {

    @Test
    void a_few_rows_show_whole_and_many_scroll_in_a_grid_of_fixed_height() {
        var grid = new Grid<String>();

        Rows.fit(grid, Rows.SHOWN_WHOLE);
        assertThat(grid.isAllRowsVisible()).isTrue();
        assertThat(grid.getHeight()).isNull();

        Rows.fit(grid, Rows.SHOWN_WHOLE + 1);
        assertThat(grid.isAllRowsVisible()).isFalse();
        assertThat(grid.getHeight()).isEqualTo(Rows.SCROLLING_HEIGHT);

        // the review queue empties as posts are approved: back to its rows' height
        Rows.fit(grid, 0);
        assertThat(grid.isAllRowsVisible()).isTrue();
        assertThat(grid.getHeight()).isNull();
    }
}
