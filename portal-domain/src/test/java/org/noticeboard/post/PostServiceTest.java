package org.noticeboard.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditQuery;
import org.noticeboard.audit.AuditService;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.member.MemberService;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.policy.Severity;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class PostServiceTest {

    static final String VALID_NHS_NUMBER = "943 476 5919";

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired MediaService media;
    @Autowired CampaignService campaigns;
    @Autowired MemberService members;
    @Autowired PolicyService policy;
    @Autowired AuditService audit;

    World.Org org;
    long staff;
    long approver;

    @BeforeEach
    void setUp() {
        org = world.organisation("Posts Trust");
        staff = org.member(Role.STAFF);
        approver = org.member(Role.APPROVER);
    }

    PostDraft draft(String text) {
        return new PostDraft(org.account().id(), text, null, null, null, List.of(), Map.of());
    }

    @Test
    void staff_save_a_draft_that_they_and_approvers_find_again() {
        var post = caller.as(staff, () -> posts.save(null, draft("Our physio team ran a falls clinic today."), 0));
        assertThat(post.state()).isEqualTo(PostState.DRAFT);
        assertThat(post.current().number()).isEqualTo(1);
        assertThat(post.current().policyVersion()).isEqualTo(1);
        assertThat(post.current().contentHash()).hasSize(64);
        assertThat(caller.as(staff, posts::mine)).extracting(PostSummary::id).containsExactly(post.id());
        assertThat(caller.as(approver, posts::forMyAccounts)).extracting(PostSummary::id).contains(post.id());
        assertThat(caller.as(approver, () -> posts.get(post.id())).current().text()).startsWith("Our physio team");
    }

    @Test
    void each_change_is_a_new_revision_and_saving_unchanged_content_keeps_the_last() {
        var first = caller.as(staff, () -> posts.save(null, draft("First words"), 0));
        var second = caller.as(staff, () -> posts.save(first.id(), draft("Second words"), first.version()));
        assertThat(second.revisions()).containsExactly(1, 2);
        assertThat(second.current().contentHash()).isNotEqualTo(first.current().contentHash());
        var same = caller.as(staff, () -> posts.save(first.id(), draft("Second words"), second.version()));
        assertThat(same.revisions()).containsExactly(1, 2);
        assertThat(caller.as(staff, () -> posts.revision(first.id(), 1)).text()).isEqualTo("First words");
    }

    @Test
    void a_blocking_finding_is_stored_with_the_revision_and_stops_submission() {
        var post = caller.as(staff, () -> posts.save(null, draft("Patient " + VALID_NHS_NUMBER + " is doing well"), 0));
        assertThat(post.current().blocked()).isTrue();
        assertThat(post.current().findings()).anySatisfy(f -> {
            assertThat(f.finding().ruleId()).isEqualTo("nhs-number");
            assertThat(f.finding().severity()).isEqualTo(Severity.BLOCK);
            assertThat(f.finding().span().of(post.current().text())).isEqualTo(VALID_NHS_NUMBER);
        });
        assertThatThrownBy(() -> caller.run(staff, () -> posts.submit(post.id(), post.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("blocked"));
        assertThat(caller.as(staff, () -> posts.get(post.id())).state()).isEqualTo(PostState.DRAFT);
    }

    @Test
    void a_warning_needs_a_justification_which_is_stored_with_the_revision_and_policy_version() {
        String text = "We are delighted!!! Come and see us";
        var post = caller.as(staff, () -> posts.save(null, draft(text), 0));
        var warning = post.current().findings().stream().filter(f -> f.finding().severity() == Severity.WARN).findFirst().orElseThrow();
        assertThatThrownBy(() -> caller.run(staff, () -> posts.submit(post.id(), post.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("justifications"))
                .hasMessageStartingWith("Explain why it is right to post anyway");

        var justified = caller.as(staff, () -> posts.save(post.id(), new PostDraft(org.account().id(), text, null, null, null,
                List.of(), Map.of(warning.key(), "A celebration: the tone is joyful, not angry.")), post.version()));
        assertThat(justified.current().unjustifiedWarnings()).isEmpty();
        var submitted = caller.as(staff, () -> posts.submit(post.id(), justified.version()));
        assertThat(submitted.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(submitted.reviewStep()).isEqualTo(1);
        assertThat(submitted.current().findings()).anySatisfy(f ->
                assertThat(f.justification()).isEqualTo("A celebration: the tone is joyful, not angry."));
        assertThat(submitted.current().policyVersion()).isEqualTo(1);
        assertThat(caller.as(org.member(Role.AUDITOR), () -> audit.search(AuditQuery.all().withAction("post.submitted"), 0, 5)))
                .singleElement().satisfies(e -> assertThat(e.summary()).contains("policy version 1"));
    }

    @Test
    void a_justification_of_a_word_or_two_is_refused() {
        String text = "Wow!!!";
        var post = caller.as(staff, () -> posts.save(null, draft(text), 0));
        var key = post.current().findings().getFirst().key();
        assertThatThrownBy(() -> caller.run(staff, () -> posts.save(post.id(), new PostDraft(org.account().id(), text, null,
                null, null, List.of(), Map.of(key, "ok")), post.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo("justification_too_short"));
    }

    @Test
    void text_over_25000_characters_is_refused_and_nothing_saved() {
        assertThatThrownBy(() -> caller.run(staff, () -> posts.save(null, draft("x".repeat(25_001)), 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("text"))
                .hasMessageContaining("25001 characters long; at most 25000");
        assertThat(caller.as(staff, posts::mine)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com/post/1", "x.com/NHSEngland", "https://x.com/NHSEngland/status/abc",
            "https://x.com/this_handle_is_too_long/status/1", "not a url"})
    void a_reply_target_must_be_an_x_post_url(String url) {
        assertThatThrownBy(() -> caller.run(staff, () -> posts.save(null, new PostDraft(org.account().id(), "Thanks!", url,
                null, null, List.of(), Map.of()), 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("replyToUrl"))
                .hasMessageContaining("is not the address of a post on X");
    }

    @Test
    void reply_and_quote_urls_are_kept_in_one_form() {
        var post = caller.as(staff, () -> posts.save(null, new PostDraft(org.account().id(), "Well said", 
                "https://twitter.com/NHSEngland/status/1234567890123456789?s=20", "https://www.x.com/physiotalk/status/42/",
                null, List.of(), Map.of()), 0));
        assertThat(post.current().replyToUrl()).isEqualTo("https://x.com/NHSEngland/status/1234567890123456789");
        assertThat(post.current().quoteUrl()).isEqualTo("https://x.com/physiotalk/status/42");
    }

    @Test
    void images_with_alt_text_and_a_campaign_are_kept_with_the_revision() {
        var image = caller.as(staff, () -> media.upload("clinic.png", TestImages.png()));
        var campaign = caller.as(approver, () -> campaigns.create("Falls Awareness Week", List.of("FallsAwareness"), null, null));
        var post = caller.as(staff, () -> posts.save(null, new PostDraft(org.account().id(), "Our falls clinic",
                null, null, campaign.id(), List.of(new AttachedImage(image.mediaId(), "Two physios with a patient's walking frame")),
                Map.of()), 0));
        assertThat(post.current().campaignName()).isEqualTo("Falls Awareness Week");
        assertThat(post.current().images()).singleElement().satisfies(i -> {
            assertThat(i.fileName()).isEqualTo("clinic.png");
            assertThat(i.altText()).isEqualTo("Two physios with a patient's walking frame");
        });
    }

    @Test
    void more_than_four_images_or_long_alt_text_are_refused() {
        var image = caller.as(staff, () -> media.upload("clinic.png", TestImages.png()));
        var five = List.of(new AttachedImage(image.mediaId(), "a"), new AttachedImage(image.mediaId(), "b"),
                new AttachedImage(image.mediaId(), "c"), new AttachedImage(image.mediaId(), "d"), new AttachedImage(image.mediaId(), "e"));
        assertThatThrownBy(() -> caller.run(staff, () -> posts.save(null, new PostDraft(org.account().id(), "x", null, null,
                null, five, Map.of()), 0))).hasMessageContaining("at most 4 images");
        assertThatThrownBy(() -> caller.run(staff, () -> posts.save(null, new PostDraft(org.account().id(), "x", null, null,
                null, List.of(new AttachedImage(image.mediaId(), "a".repeat(1001))), Map.of()), 0)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("images[0].altText"));
    }

    @Test
    void another_organisations_image_cannot_be_attached() {
        var other = world.organisation("Other Trust");
        var theirs = caller.as(other.member(Role.STAFF), () -> media.upload("theirs.png", TestImages.png()));
        assertThatThrownBy(() -> caller.run(staff, () -> posts.save(null, new PostDraft(org.account().id(), "x", null, null,
                null, List.of(new AttachedImage(theirs.mediaId(), "alt")), Map.of()), 0)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> caller.run(staff, () -> media.content(theirs.mediaId()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void only_staff_of_the_accounts_department_write_for_it() {
        long curator = org.member(Role.CURATOR);
        assertThatThrownBy(() -> caller.run(curator, () -> posts.save(null, draft("Hello"), 0)))
                .isInstanceOf(NotPermittedException.class)
                .hasMessageContaining("needs the Staff role");
        assertThat(caller.as(curator, posts::writableAccounts)).isEmpty();
        assertThat(caller.as(staff, posts::writableAccounts)).extracting(a -> a.id()).contains(org.account().id());
    }

    @Test
    void nobody_but_the_author_changes_a_draft_and_strangers_do_not_see_it() {
        var post = caller.as(staff, () -> posts.save(null, draft("Mine"), 0));
        long otherStaff = caller.as(org.member(Role.ORG_ADMIN), () -> {
            var m = members.create("Second Staff", null, null);
            members.grant(m.id(), Role.STAFF, null);
            return m.id();
        });
        assertThatThrownBy(() -> caller.run(otherStaff, () -> posts.get(post.id()))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> caller.run(otherStaff, () -> posts.save(post.id(), draft("Yours now"), post.version())))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> caller.run(approver, () -> posts.save(post.id(), draft("Approver edit"), post.version())))
                .isInstanceOfSatisfying(NotPermittedException.class, e -> assertThat(e.reason()).isEqualTo("not_author"));
        var other = world.organisation("Elsewhere");
        assertThatThrownBy(() -> caller.run(other.member(Role.APPROVER), () -> posts.get(post.id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_edit_after_submission_is_a_new_revision_and_review_starts_again_at_the_first_step() {
        var post = caller.as(staff, () -> posts.save(null, draft("Ready to go"), 0));
        var submitted = caller.as(staff, () -> posts.submit(post.id(), post.version()));
        var edited = caller.as(staff, () -> posts.save(post.id(), draft("Ready to go, with a fix"), submitted.version()));
        assertThat(edited.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(edited.reviewStep()).isEqualTo(1);
        assertThat(edited.current().number()).isEqualTo(2);
        assertThatThrownBy(() -> caller.run(staff, () -> posts.submit(post.id(), edited.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("already_submitted"));
    }

    @Test
    void a_stale_version_is_refused() {
        var post = caller.as(staff, () -> posts.save(null, draft("One"), 0));
        caller.run(staff, () -> posts.save(post.id(), draft("Two"), post.version()));
        assertThatThrownBy(() -> caller.run(staff, () -> posts.save(post.id(), draft("Three"), post.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("changed_meanwhile"));
        assertThat(caller.as(staff, () -> posts.get(post.id())).current().text()).isEqualTo("Two");
    }

    @Test
    void submitting_after_the_policy_changed_checks_against_the_new_version() {
        var post = caller.as(staff, () -> posts.save(null, draft("Fine words"), 0));
        long admin = org.member(Role.ORG_ADMIN);
        caller.run(admin, () -> {
            var current = policy.current();
            var p = current.settings().parameters();
            var changed = new org.noticeboard.policy.PolicySettings(current.settings().rules(),
                    new org.noticeboard.policy.PolicyParameters(List.of("forbidden"), p.allowedLinkDomains(),
                            p.deniedLinkDomains(), p.publishedPhoneNumbers(), p.publishedEmailAddresses(),
                            p.hospitalNumberPattern(), p.publishingStart(), p.publishingEnd(), p.publishingDays(),
                            p.preElectionPeriods(), p.politicalStakeholders(), p.capitalsPercent(), p.extraToneWords()));
            policy.save(changed, "ban a word", current.version());
        });
        var submitted = caller.as(staff, () -> posts.submit(post.id(), post.version()));
        assertThat(submitted.current().policyVersion()).isEqualTo(2);
        assertThat(submitted.revisions()).containsExactly(1, 2);
    }
}
