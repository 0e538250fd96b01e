package org.noticeboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OtherRulesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            @JaneMP thanks for visiting           => @JaneMP
            '   @JaneMP thanks'                   => @JaneMP
            .@JaneMP thanks for visiting          =>
            Thanks @JaneMP for visiting           =>
            email@example.com is not a mention    =>
            """)
    void a_post_that_starts_with_a_mention_warns(String text, @Nullable String spans) {
        assertThat(Fixture.spans("leading-mention", text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void a_reply_may_start_with_a_mention_and_the_message_suggests_dot_at() {
        PolicyEngine engine = new PolicyEngine(Fixture.only("leading-mention", Fixture.params().build()));
        assertThat(engine.check(new CheckInput("@JaneMP thanks", List.of(), null, Fixture.NOW, true)).findings())
                .isEmpty();
        assertThat(Fixture.findings("leading-mention", "@JaneMP thanks").get(0).message())
                .contains(".@JaneMP").contains("follow both");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Read https://www.nhs.uk/conditions                 =>
            Read http://www.nhs.uk/conditions                  => http://www.nhs.uk/conditions
            Read www.nhs.uk                                    => www.nhs.uk
            Read https://bit.ly/3abc and https://t.co/xyz      => https://bit.ly/3abc|https://t.co/xyz
            Read https://tinyurl.com/ab12                      => https://tinyurl.com/ab12
            Read https://news.dailyrag.co.uk/story             => https://news.dailyrag.co.uk/story
            Read https://dailyrag.co.uk                        => https://dailyrag.co.uk
            Read https://notdailyrag.co.uk                     =>
            """)
    void links_warn_about_http_shorteners_and_denied_domains(String text, @Nullable String spans) {
        PolicyParameters params = Fixture.params().denied("dailyrag.co.uk").build();
        assertThat(Fixture.spans("links", params, text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void with_an_allow_list_only_its_domains_and_their_subdomains_pass() {
        PolicyParameters params = Fixture.params().allowed("nhs.uk", "*.gov.uk").build();
        String text = "See https://www.nhs.uk/a https://www.gov.uk/b https://example.com/c";
        List<Finding> findings = Fixture.findings("links", params, text);
        assertThat(Fixture.spans(findings, text)).containsExactly("https://example.com/c");
        assertThat(findings.get(0).message()).contains("example.com is not on the organisation's list");
    }

    @Test
    void one_finding_per_link_names_every_problem() {
        PolicyParameters params = Fixture.params().denied("bit.ly").build();
        List<Finding> findings = Fixture.findings("links", params, "Go to http://bit.ly/x now");
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .contains("http://, not https://").contains("link shortener").contains("not to link to"));
    }

    @Test
    void a_domain_that_is_not_a_domain_is_rejected_naming_the_parameter() {
        PolicyParameters params = Fixture.params().allowed(" ").build();
        assertThatThrownBy(() -> new PolicyEngine(Fixture.only("links", params)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedLinkDomains");
    }

    @Test
    void every_image_needs_a_description() {
        PolicyEngine engine = new PolicyEngine(Fixture.only("image-alt-text", Fixture.params().build()));
        CheckInput input = new CheckInput("Our new ward", List.of(
                new ImageInput("ward.jpg", "The new ward with twelve beds"),
                new ImageInput("team.png", null),
                new ImageInput("sign.png", "  ")), null, Fixture.NOW, false);
        List<Finding> findings = engine.check(input).findings();
        assertThat(findings).extracting(Finding::message).containsExactly(
                "The image team.png has no description (alt text).",
                "The image sign.png has no description (alt text).");
        assertThat(findings).allSatisfy(f -> assertThat(f.span()).isNull());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Support #mentalhealthawareness week     => #mentalhealthawareness => #MentalHealthAwareness
            Join #nhsjobs today                     => #nhsjobs               => #NhsJobs
            Proud of #teamwork                      =>                        =>
            Proud of #therapist week                =>                        =>
            #nhs #physio #dementia                  =>                        =>
            #MentalHealthAwareness                  =>                        =>
            #xqzvbn                                 =>                        =>
            """)
    void lower_case_hashtags_that_join_words_get_a_camel_case_suggestion(String text, @Nullable String span,
            @Nullable String suggestion) {
        List<Finding> findings = Fixture.findings("hashtag-case", text);
        assertThat(Fixture.spans(findings, text)).isEqualTo(Fixture.expected(span));
        if (suggestion != null) {
            assertThat(findings.get(0).message()).contains("write it as " + suggestion);
            assertThat(findings.get(0).severity()).isEqualTo(Severity.INFO);
        }
    }

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 5, 7);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", textBlock = """
            Thanks @JaneMP for visiting                  => @JaneMP
            Thanks @janemp for visiting                  => @janemp
            Jane Smith MP visited the ward               => Jane Smith
            jane   smith visited                         => jane   smith
            The Green Party visited                      => Green Party
            Thanks @JaneMPOffice for visiting            =>
            Janet Smithson visited                       =>
            Thanks to our staff                          =>
            """)
    void naming_a_political_stakeholder_in_a_pre_election_period_warns(String text, @Nullable String spans) {
        PolicyParameters params = Fixture.params().preElection(FROM, TO, "@JaneMP", "Jane Smith", "Green Party").build();
        assertThat(Fixture.spans("pre-election", params, text)).isEqualTo(Fixture.expected(spans));
    }

    @Test
    void the_pre_election_message_names_the_stakeholder_and_the_day() {
        PolicyParameters params = Fixture.params().preElection(FROM, TO, "@JaneMP").build();
        assertThat(Fixture.findings("pre-election", params, "Thanks @JaneMP").get(0).message())
                .isEqualTo("@JaneMP is a political stakeholder, and 10 March 2026 is in a pre-election period."
                        + " This post needs an extra approval.");
    }

    @Test
    void outside_the_pre_election_period_naming_a_politician_is_fine() {
        PolicyParameters params = Fixture.params().preElection(FROM, TO, "@JaneMP").build();
        PolicyEngine engine = new PolicyEngine(Fixture.only("pre-election", params));
        ZonedDateTime after = ZonedDateTime.of(2026, 5, 8, 10, 0, 0, 0, Fixture.LONDON);
        assertThat(engine.check(new CheckInput("Thanks @JaneMP", List.of(), after, Fixture.NOW, false)).findings())
                .isEmpty();
        ZonedDateTime lastDay = ZonedDateTime.of(2026, 5, 7, 23, 0, 0, 0, Fixture.LONDON);
        assertThat(engine.check(new CheckInput("Thanks @JaneMP", List.of(), lastDay, Fixture.NOW, false)).findings())
                .hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2026-03-10T10:30, true
            2026-03-10T08:00, true
            2026-03-10T17:59, true
            2026-03-10T18:00, false
            2026-03-10T07:59, false
            2026-03-14T10:30, false
            2026-03-15T10:30, false
            """)
    void publishing_hours_warn_outside_the_hours_and_days(String when, boolean inside) {
        PolicyEngine engine = new PolicyEngine(Fixture.only("publishing-hours", Fixture.params().build()));
        ZonedDateTime at = java.time.LocalDateTime.parse(when).atZone(Fixture.LONDON);
        List<Finding> findings = engine.check(new CheckInput("Hello", List.of(), at, Fixture.NOW, false)).findings();
        assertThat(findings).hasSize(inside ? 0 : 1);
        assertThat(findings).allSatisfy(f -> assertThat(f.span()).isNull());
    }

    @Test
    void publishing_hours_may_run_past_midnight_and_an_unscheduled_post_is_not_checked_yet() {
        PolicyParameters night = Fixture.params()
                .hours(LocalTime.of(22, 0), LocalTime.of(2, 0), EnumSet.allOf(DayOfWeek.class)).build();
        PolicyEngine engine = new PolicyEngine(Fixture.only("publishing-hours", night));
        ZonedDateTime late = ZonedDateTime.of(2026, 3, 14, 23, 30, 0, 0, Fixture.LONDON);
        assertThat(engine.check(new CheckInput("Hi", List.of(), late, Fixture.NOW, false)).findings()).isEmpty();
        ZonedDateTime daytime = ZonedDateTime.of(2026, 3, 10, 10, 30, 0, 0, Fixture.LONDON);
        assertThat(engine.check(new CheckInput("Hi", List.of(), daytime, Fixture.NOW, false)).findings())
                .singleElement().satisfies(f -> assertThat(f.message())
                        .isEqualTo("This would be published on Tuesday 10 March at 10:30, outside publishing hours"
                                + " (every day, 22:00 to 02:00)."));
        // a draft without a time yet: the hours are checked when it is scheduled
        assertThat(engine.check(new CheckInput("Hi", List.of(), null, daytime, false)).findings()).isEmpty();
    }

    @Test
    void without_hours_or_days_any_time_is_fine() {
        PolicyParameters any = Fixture.params().hours(null, null, Set.of()).build();
        PolicyEngine engine = new PolicyEngine(Fixture.only("publishing-hours", any));
        ZonedDateTime sunday3am = ZonedDateTime.of(2026, 3, 15, 3, 0, 0, 0, Fixture.LONDON);
        assertThat(engine.check(new CheckInput("Hi", List.of(), sunday3am, Fixture.NOW, false)).findings()).isEmpty();
    }
}
