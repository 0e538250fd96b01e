package org.noticeboard.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.member.MemberService;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.post.ReviewService;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.CapturedMail;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class NotificationServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired PostService posts;
    @Autowired ReviewService review;
    @Autowired NotificationService notifications;
    @Autowired MemberService members;
    @Autowired CapturedMail mail;

    World.Org org;
    long staff;
    long approver;
    String approverEmail;
    String staffEmail;

    @BeforeEach
    void setUp() {
        org = world.organisation("Notify Trust");
        staff = org.member(Role.STAFF);
        approver = org.member(Role.APPROVER);
        long admin = org.member(Role.ORG_ADMIN);
        approverEmail = "approver." + org.organisation().slug() + "@nhs.example";
        staffEmail = "staff." + org.organisation().slug() + "@nhs.example";
        caller.run(admin, () -> {
            var a = members.get(approver);
            members.update(approver, a.displayName(), approverEmail, a.departmentId(), a.version());
            var s = members.get(staff);
            members.update(staff, s.displayName(), staffEmail, s.departmentId(), s.version());
        });
    }

    @Test
    void approvers_are_told_of_a_submission_and_the_author_of_the_decision() {
        var post = caller.as(staff, () -> {
            var draft = posts.save(null, new PostDraft(org.account().id(), "Clinic news", null, null, null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        var waiting = caller.as(approver, notifications::mine);
        assertThat(waiting).singleElement().satisfies(n -> {
            assertThat(n.text()).contains("waits for your review (step 1");
            assertThat(n.postId()).isEqualTo(post.id());
            assertThat(n.read()).isFalse();
        });
        assertThat(caller.as(approver, notifications::unread)).isEqualTo(1);
        assertThat(mail.to(approverEmail)).singleElement().satisfies(m -> assertThat(m.subject()).contains("waits for your review"));

        caller.run(approver, () -> review.reject(post.id(), 1, "Add the date", post.version()));
        assertThat(caller.as(staff, notifications::mine)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("rejected your post").contains("Add the date"));
        assertThat(mail.to(staffEmail)).as("mail to %s among %s", staffEmail, mail.all()).hasSize(1);

        caller.run(approver, () -> notifications.markRead(waiting.getFirst().id()));
        assertThat(caller.as(approver, notifications::unread)).isZero();
        assertThatThrownBy(() -> caller.run(staff, () -> notifications.markRead(waiting.getFirst().id())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_change_that_is_refused_announces_nothing() {
        var post = caller.as(staff, () -> {
            var draft = posts.save(null, new PostDraft(org.account().id(), "Clinic news", null, null, null, List.of(), Map.of()), 0);
            return posts.submit(draft.id(), draft.version());
        });
        int before = mail.to(staffEmail).size();
        assertThatThrownBy(() -> caller.run(approver, () -> review.reject(post.id(), 1, "Stale", post.version() + 7)))
                .isInstanceOf(org.noticeboard.shared.DomainException.class);
        assertThat(caller.as(staff, notifications::mine)).isEmpty();
        assertThat(mail.to(staffEmail)).hasSize(before);
    }
}
