package org.noticeboard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.CellFocusEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rows that open with a click or with Enter on the focused row. The browser runs the filter that
 * tells Enter on a row from Enter on a link or button inside it, and sends its result with the
 * event, as here; AccessibilityIT presses the keys in Chromium.
 */
class OpenRowsTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup(new Routes(), UI::new);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static void enter(Grid<?> grid, boolean onTheRow) {
        var data = JacksonUtils.createObjectNode();
        data.put(OpenRows.ENTER_ON_A_ROW, onTheRow);
        ElementUtilsKt._fireDomEvent(grid.getElement(), new DomEvent(grid.getElement(), "keydown", data));
    }

    private static void focus(Grid<String> grid, String item, String section) {
        String key = item == null ? null : grid.getDataCommunicator().getKeyMapper().key(item);
        ComponentUtil.fireEvent(grid, new CellFocusEvent<>(grid, true, key, null, section));
    }

    @Test
    void enter_opens_the_focused_row_a_click_the_clicked_one_and_the_grid_is_named() {
        var grid = new Grid<String>();
        grid.addColumn(s -> s).setHeader("Name").setKey("name");
        grid.setItems("first", "second", "third");
        var opened = new ArrayList<String>();
        OpenRows.open(grid, "Things: Enter or a click opens one", opened::add);
        UI.getCurrent().add(grid);
        assertThat(grid.getAriaLabel()).hasValue("Things: Enter or a click opens one");

        enter(grid, true);
        assertThat(opened).as("no row has had the focus yet").isEmpty();

        focus(grid, "first", "body");
        focus(grid, "second", "body");
        enter(grid, false);
        assertThat(opened).as("Enter on a link or button in the row is theirs").isEmpty();
        enter(grid, true);
        assertThat(opened).containsExactly("second");

        focus(grid, null, "header");
        enter(grid, true);
        assertThat(opened).as("Enter on the header opens nothing").containsExactly("second");

        GridKt._clickItem(grid, 2, 0, false, false, false, false);
        assertThat(opened).containsExactly("second", "third");
    }
}
