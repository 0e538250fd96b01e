package org.noticeboard.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.noticeboard.access.NotPermittedException;
import org.noticeboard.access.Role;
import org.noticeboard.policy.GuidanceSection;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class GuidanceServiceTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired GuidanceService guidance;

    @Test
    void every_member_reads_the_seeded_guidance_in_order() {
        var org = world.organisation("Guidance Trust");
        var sections = caller.as(org.member(Role.STAFF), guidance::sections);
        assertThat(sections).extracting(GuidanceEntry::section).containsExactly(GuidanceSection.values());
        assertThat(sections.get(GuidanceSection.CONFIDENTIALITY.ordinal()).body())
                .contains("public noticeboard").contains("Never post anything that could identify a patient");
        assertThat(sections.get(GuidanceSection.MENTIONS.ordinal()).body()).contains(".@physiotalk");
    }

    @Test
    void an_admin_edits_a_section_and_others_cannot() {
        var org = world.organisation("Guidance Trust");
        long admin = org.member(Role.ORG_ADMIN);
        var before = caller.as(admin, guidance::sections).get(GuidanceSection.NEVER_TWEET_ANGRY.ordinal());
        var edited = caller.as(admin, () -> guidance.update(GuidanceSection.NEVER_TWEET_ANGRY,
                "Step away for ten minutes before answering an angry post.", before.version()));
        assertThat(edited.body()).isEqualTo("Step away for ten minutes before answering an angry post.");
        assertThat(edited.updatedByName()).isEqualTo("Organisation admin of Guidance Trust");
        assertThatThrownBy(() -> caller.run(admin, () -> guidance.update(GuidanceSection.NEVER_TWEET_ANGRY, "Again, stale.",
                before.version()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> caller.run(admin, () -> guidance.update(GuidanceSection.NEVER_TWEET_ANGRY, " ",
                edited.version()))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> caller.run(org.member(Role.STAFF), () -> guidance.update(GuidanceSection.NEVER_TWEET_ANGRY,
                "Mine now", edited.version()))).isInstanceOf(NotPermittedException.class);
    }
}
