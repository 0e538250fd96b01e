package org.noticeboard.ui.shell;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Grids whose rows open something (a post, a campaign, a member): a click on a row opens it, and so
 * does Enter on a row reached with Tab and the arrow keys, so that people who use the keyboard only
 * get there too (WCAG 2.1.1). Enter on a link or button inside a row stays with that link or button.
 */
public final class OpenRows {

    /**
     * Run in the browser: Enter on the grid itself, which is the event's target while one of its cells
     * has the focus (a focused link or button in a cell is the target instead, and keeps its Enter).
     */
    static final String ENTER_ON_A_ROW = "event.key === 'Enter' && event.target === element && !event.repeat";

    private OpenRows() {}

    /**
     * Makes the grid's rows open {@code open}; {@code label} names the grid for screen readers and
     * says how its rows open.
     */
    public static <T> void open(Grid<T> grid, String label, SerializableConsumer<T> open) {
        grid.setAriaLabel(label);
        grid.addItemClickListener(e -> {
            // a click that lands while the rows are being replaced has no item
            if (e.getItem() != null) {
                open.accept(e.getItem());
            }
        });
        var focused = new AtomicReference<T>();
        grid.addCellFocusListener(e -> focused.set(e.getItem().orElse(null)));
        grid.getElement().addEventListener("keydown", e -> {
            T item = focused.get();
            if (item != null) {
                open.accept(item);
            }
        }).setFilter(ENTER_ON_A_ROW);
    }
}
