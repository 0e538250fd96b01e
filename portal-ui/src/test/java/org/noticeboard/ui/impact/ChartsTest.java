package org.noticeboard.ui.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Charts are drawn once for what they show, and drawn again when the figures change. */
class ChartsTest {

    @Test
    void the_same_chart_is_drawn_once_and_a_changed_one_again() {
        var points = List.of(new Charts.Point("3 Nov", 4), new Charts.Point("10 Nov", 7));
        String first = Charts.bars("Posts per week (cache test)", "Week starting", "Posts", points, false, false);
        String again = Charts.bars("Posts per week (cache test)", "Week starting", "Posts", List.copyOf(points), false, false);
        assertThat(again).as("the drawn chart, not a new drawing").isSameAs(first);
        assertThat(first).contains("<svg").contains("Posts per week (cache test)");

        String changed = Charts.bars("Posts per week (cache test)", "Week starting", "Posts",
                List.of(new Charts.Point("3 Nov", 4), new Charts.Point("10 Nov", 8)), false, false);
        assertThat(changed).isNotSameAs(first).isNotEqualTo(first).contains(">8<");
        String asLine = Charts.line("Posts per week (cache test)", "Week starting", "Posts", points, false);
        assertThat(asLine).isNotEqualTo(first);
    }

    @Test
    void no_more_than_a_bounded_number_of_charts_are_held() {
        for (int i = 0; i < Charts.CACHED + 20; i++) {
            Charts.line("Engagement (bound test)", "Week", "Rate", List.of(new Charts.Point("w", i / 1000.0)), true);
        }
        assertThat(Charts.cachedCount()).isLessThanOrEqualTo(Charts.CACHED);
    }
}
