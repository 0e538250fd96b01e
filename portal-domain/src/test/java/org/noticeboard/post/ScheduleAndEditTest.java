package org.noticeboard.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.workflow.ApproverKind;
import org.noticeboard.workflow.Quorum;
import org.noticeboard.workflow.StepCondition;
import org.noticeboard.workflow.WorkflowDefinition;
import org.noticeboard.workflow.WorkflowService;
import org.noticeboard.workflow.WorkflowStep;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class ScheduleAndEditTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired PostExpiry expiry;
    @Autowired WorkflowService workflows;
    @Autowired MemberService members;
    @Autowired DSLContext db;

    World.Org org;
    long staff;
    long approver;

    @BeforeEach
    void setUp() {
        org = world.organisation("Schedule Trust");
        staff = org.member(Role.STAFF);
        approver = org.member(Role.APPROVER);
    }

    Post draft(String text) {
        return caller.as(staff, () -> posts.save(null, new PostDraft(org.account().id(), text, null, null, null, List.of(), Map.of()), 0));
    }

    /** The next last Sunday of March (within a year from today): British Summer Time starts at 01:00 GMT. */
    static LocalDateTime clocksGoForward(int hour, int minute) {
        var today = java.time.LocalDate.now(ZoneOffset.UTC);
        for (int year = Year.now(ZoneOffset.UTC).getValue(); ; year++) {
            var day = java.time.LocalDate.of(year, 3, 31);
            while (day.getDayOfWeek() != java.time.DayOfWeek.SUNDAY) {
                day = day.minusDays(1);
            }
            if (day.isAfter(today.plusDays(1))) {
                return day.atTime(hour, minute);
            }
        }
    }

    @Test
    void a_time_is_chosen_on_the_wall_clock_and_kept_across_a_clock_change() {
        var post = draft("Spring clinic");
        LocalDateTime nineAfterChange = clocksGoForward(9, 0);
        var scheduled = caller.as(staff, () -> posts.schedule(post.id(), nineAfterChange, post.version()));
        assertThat(scheduled.scheduledAt().toLocalDateTime()).isEqualTo(nineAfterChange);
        assertThat(scheduled.scheduledAt().getZone().getId()).isEqualTo("Europe/London");
        // 09:00 BST is 08:00 UTC on that day
        assertThat(scheduled.scheduledAt().toInstant().atZone(ZoneOffset.UTC).getHour()).isEqualTo(8);
    }

    @Test
    void times_that_passed_do_not_exist_or_are_over_a_year_ahead_are_refused() {
        var post = draft("When?");
        assertThatThrownBy(() -> caller.run(staff, () -> posts.schedule(post.id(), LocalDateTime.now().minusHours(2), post.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("scheduledAt"))
                .hasMessageContaining("has already passed");
        assertThatThrownBy(() -> caller.run(staff, () -> posts.schedule(post.id(), LocalDateTime.now().plusDays(400), post.version())))
                .hasMessageContaining("more than a year ahead");
        assertThatThrownBy(() -> caller.run(staff, () -> posts.schedule(post.id(), clocksGoForward(1, 30), post.version())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.reason()).isEqualTo("no_such_time"))
                .hasMessageContaining("the clocks go forward");
        assertThat(caller.as(staff, () -> posts.get(post.id())).scheduledAt()).isNull();
    }

    @Test
    void a_post_not_approved_before_its_time_expires_and_needs_a_new_time() {
        var post = draft("Due soon");
        var scheduled = caller.as(staff, () -> posts.schedule(post.id(), LocalDateTime.now().plusDays(1), post.version()));
        var submitted = caller.as(staff, () -> posts.submit(post.id(), scheduled.version()));
        // its time passes without an approval
        db.execute("update post set scheduled_at = now() - interval '1 minute' where id = ?", post.id());
        assertThatThrownBy(() -> caller.run(approver, () -> review.approve(post.id(), 1, submitted.version())))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.reason()).isEqualTo("expired"));

        assertThat(expiry.expireDue()).isGreaterThanOrEqualTo(1);
        var expired = caller.as(staff, () -> posts.get(post.id()));
        assertThat(expired.state()).isEqualTo(PostState.EXPIRED);
        assertThat(expiry.expireDue()).as("expiring twice does nothing").isZero();

        var rescheduled = caller.as(staff, () -> posts.schedule(post.id(), LocalDateTime.now().plusDays(2), expired.version()));
        var again = caller.as(staff, () -> posts.submit(post.id(), rescheduled.version()));
        assertThat(caller.as(approver, () -> review.approve(post.id(), again.current().number(), again.version())).state())
                .isEqualTo(PostState.SCHEDULED);
    }

    @Test
    void an_approvers_edit_is_a_new_revision_that_restarts_review_at_step_1_without_the_editor() {
        long second = caller.as(org.member(Role.ORG_ADMIN), () -> {
            var m = members.create("Second", null, null);
            members.grant(m.id(), Role.APPROVER, null);
            return m.id();
        });
        long third = caller.as(org.member(Role.ORG_ADMIN), () -> {
            var m = members.create("Third", null, null);
            members.grant(m.id(), Role.APPROVER, null);
            return m.id();
        });
        caller.run(org.member(Role.ACCOUNT_ADMIN), () -> workflows.save(org.account().id(), new WorkflowDefinition(List.of(
                WorkflowStep.anyApprover("Comms"),
                new WorkflowStep("Second look", ApproverKind.MEMBERS, null, null, List.of(second), Quorum.ANY, StepCondition.ALWAYS)),
                false), 1));
        var post = draft("Teh clinic opens");
        var submitted = caller.as(staff, () -> posts.submit(post.id(), post.version()));
        var edited = caller.as(approver, () -> review.editAndResubmit(post.id(), 1, new PostDraft(org.account().id(),
                "The clinic opens", null, null, null, List.of(), Map.of()), submitted.version()));
        assertThat(edited.current().number()).isEqualTo(2);
        assertThat(edited.current().authorName()).isEqualTo("Approver of Schedule Trust");
        assertThat(edited.authorName()).isEqualTo("Staff of Schedule Trust");
        assertThat(edited.state()).isEqualTo(PostState.IN_REVIEW);
        assertThat(edited.reviewStep()).as("the editor's approval is not counted: review restarts at step 1").isEqualTo(1);
        assertThat(caller.as(staff, () -> review.decisions(post.id()))).as("no approval recorded for the editor").isEmpty();
        assertThatThrownBy(() -> caller.run(staff, () -> review.editAndResubmit(post.id(), 2, new PostDraft(org.account().id(),
                "Mine again", null, null, null, List.of(), Map.of()), edited.version())))
                .isInstanceOf(NotPermittedException.class);
        assertThatThrownBy(() -> caller.run(approver, () -> review.approve(post.id(), 2, edited.version())))
                .as("the editor cannot approve what they edited")
                .isInstanceOf(NotPermittedException.class).hasMessageContaining("You wrote or edited this post");
        var first = caller.as(third, () -> review.approve(post.id(), 2, edited.version()));
        assertThat(first.reviewStep()).isEqualTo(2);
        assertThat(caller.as(second, () -> review.approve(post.id(), 2, first.version())).state()).isEqualTo(PostState.SCHEDULED);
    }
}
