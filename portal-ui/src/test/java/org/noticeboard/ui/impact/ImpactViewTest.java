package org.noticeboard.ui.impact;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard over the demo's half year of @NorthshireNHS (DemoImpact). */
class ImpactViewTest extends KaribuTest {

    @Autowired CampaignService campaigns;

    @SuppressWarnings("unchecked")
    ComboBox<ImpactView.Scope> scope() {
        return _get(ComboBox.class, spec -> spec.withId("impact-scope"));
    }

    void show(String label, LocalDate from, LocalDate to) {
        var box = scope();
        box.setValue(box.getListDataView().getItems()
                .filter(s -> s.label().equals(label)).findFirst().orElseThrow());
        _get(DatePicker.class, spec -> spec.withId("impact-from")).setValue(from);
        _get(DatePicker.class, spec -> spec.withId("impact-to")).setValue(to);
        _click(_get(Button.class, spec -> spec.withId("impact-show")));
    }

    static String svg(Image image) {
        String src = image.getSrc();
        assertThat(src).startsWith("data:image/svg+xml;base64,");
        return new String(Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }

    @Test
    void an_accounts_dashboard_shows_its_figures_and_four_charts_each_with_a_text_alternative_and_data_table() {
        signIn("alex.approver");
        UI.getCurrent().navigate(ImpactView.class);
        LocalDate today = LocalDate.now();
        show("Account @NorthshireNHS", today.minusWeeks(26), today);

        assertThat(_get(Div.class, spec -> spec.withId("figure-posts")).getElement().getTextRecursively())
                .startsWith("Posts published").doesNotContain("Posts published0");
        assertThat(_get(Div.class, spec -> spec.withId("figure-broadcast")).getElement().getTextRecursively())
                .contains("%").contains("mention, ask or reply to nobody");
        assertThat(_get(Div.class, spec -> spec.withId("figure-first-response")).getElement().getTextRecursively())
                .contains("min");

        var perWeek = _get(Div.class, spec -> spec.withId("chart-posts-per-week"));
        Image chart = _get(perWeek, Image.class);
        assertThat(chart.getAlt()).hasValueSatisfying(alt -> assertThat(alt).startsWith("Posts per week from ").contains("week of"));
        assertThat(svg(chart)).startsWith("<?xml").contains("<svg").contains("Posts per week").contains("Week starting");
        Grid<?> weeks = _get(_get(perWeek, Details.class), Grid.class);
        assertThat(GridKt._size(weeks)).isBetween(26, 28);

        for (String id : List.of("chart-engagement-rate", "chart-top-posts", "chart-mentions")) {
            var box = _get(Div.class, spec -> spec.withId(id));
            Image image = _get(box, Image.class);
            assertThat(image.getAlt()).isPresent();
            assertThat(svg(image)).contains("<svg");
            assertThat(GridKt._size(_get(_get(box, Details.class), Grid.class))).isPositive();
        }
        assertThat(svg(_get(_get(Div.class, spec -> spec.withId("chart-engagement-rate")), Image.class))).contains("Engagement rate");
        assertThat(_get(Div.class, spec -> spec.withId("impact-decision-makers")).getElement().getTextRecursively())
                .contains("Replies from decision-makers");
        _get(Anchor.class, spec -> spec.withId("impact-csv"));
    }

    @Test
    void a_period_with_no_data_says_so_instead_of_drawing_empty_charts() {
        signIn("alex.approver");
        UI.getCurrent().navigate(ImpactView.class);

        show("Account @NorthshireNHS", LocalDate.of(2020, 1, 6), LocalDate.of(2020, 2, 2));

        assertThat(_get(Paragraph.class, spec -> spec.withId("impact-message")).getText())
                .isEqualTo("Nothing to chart: @NorthshireNHS published no posts and had no mentions between 6 January 2020 "
                        + "and 2 February 2020. Choose another period or account.");
        assertThat(_find(_get(Div.class, spec -> spec.withId("impact-content")), Image.class)).isEmpty();
    }

    @Test
    void a_reversed_period_is_explained_on_the_end_date() {
        signIn("alex.approver");
        UI.getCurrent().navigate(ImpactView.class);

        show("Account @NorthshireNHS", LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 2));

        var to = _get(DatePicker.class, spec -> spec.withId("impact-to"));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).isEqualTo("The period ends on 2 March 2026, before it starts on 15 March 2026: "
                + "choose a last day on or after the first.");
        assertThat(_get(Paragraph.class, spec -> spec.withId("impact-message")).getText()).isEqualTo(to.getErrorMessage());
        assertThat(_find(_get(Div.class, spec -> spec.withId("impact-content")), Image.class)).isEmpty();
    }

    @Test
    void a_campaign_opens_from_its_link_with_its_own_figures() {
        signIn("alex.approver");
        long falls = campaigns.list().stream().filter(c -> c.name().equals("Falls Awareness Week")).findFirst().orElseThrow().id();

        UI.getCurrent().navigate(ImpactView.class, com.vaadin.flow.router.QueryParameters.of("campaign", String.valueOf(falls)));

        assertThat(scope().getValue().label()).isEqualTo("Campaign Falls Awareness Week");
        show("Campaign Falls Awareness Week", LocalDate.now().minusWeeks(26), LocalDate.now());
        assertThat(_get(Div.class, spec -> spec.withId("figure-posts")).getElement().getTextRecursively()).contains("with metrics");
        assertThat(_find(Span.class, spec -> spec.withClasses("figure-value"))).hasSize(5);
    }
}
