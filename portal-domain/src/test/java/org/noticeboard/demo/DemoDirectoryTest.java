package org.noticeboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.noticeboard.audit.AuditService;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.ListChange;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.member.SignInService;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderQuery;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.stakeholder.XCheck;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class DemoDirectoryTest {

    @Autowired DemoData demo;
    @Autowired DemoDirectory directory;
    @Autowired SignInService signIn;
    @Autowired TestCaller caller;
    @Autowired StakeholderService stakeholders;
    @Autowired FollowListService lists;
    @Autowired AuditService audit;

    long member(String username) {
        return signIn.findDemoMember(username).orElseThrow().memberId();
    }

    FollowList named(long who, String name) {
        return caller.as(who, lists::list).stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void the_demo_trust_has_a_directory_and_the_lists_the_seeds_describe_seeded_once_by_its_curators() {
        demo.seedIfAbsent();
        directory.seedIfEmpty();
        assertThat(directory.seedIfEmpty()).as("once").isFalse();

        long cara = member("cara.curator");
        long pia = member("pia.curator");
        long sam = member("sam.staff");
        var all = caller.as(cara, () -> stakeholders.search(StakeholderQuery.all(), 0, 500));
        assertThat(all.total()).isEqualTo(DemoDirectory.STAKEHOLDERS.size());
        assertThat(all.stakeholders()).allSatisfy(s -> assertThat(s.xCheck()).isEqualTo(XCheck.UNCHECKED));
        assertThat(all.stakeholders()).filteredOn(s -> s.category() == StakeholderCategory.MP)
                .singleElement().satisfies(s -> assertThat(s.political()).isTrue());

        assertThat(caller.as(cara, lists::list)).extracting(FollowList::name).contains("National NHS bodies",
                "Health think tanks", "Older people's care", "AHP leaders");
        FollowList national = named(cara, "National NHS bodies");
        assertThat(national.visibility()).isEqualTo(Visibility.ORGANISATION);
        assertThat(national.memberCount()).isEqualTo(7);
        assertThat(named(cara, "Health think tanks").visibility()).isEqualTo(Visibility.PUBLIC);
        assertThat(named(cara, "Health think tanks").publicToken()).isNotNull();
        FollowList older = named(cara, "Older people's care");
        assertThat(older.visibility()).isEqualTo(Visibility.DEPARTMENT);
        assertThat(named(pia, "AHP leaders").departmentName()).isEqualTo("Physiotherapy");

        // the Older People's Rehabilitation department keeps its own list to itself
        assertThat(caller.as(sam, lists::list)).extracting(FollowList::name).doesNotContain("Older people's care");
        assertThatThrownBy(() -> caller.as(sam, () -> lists.get(older.id()))).isInstanceOf(NotFoundException.class);

        // Physiotherapy subscribed to the national list before Cara added Healthwatch England
        var subscription = caller.as(pia, lists::subscriptions).stream()
                .filter(s -> s.listId() == national.id()).findFirst().orElseThrow();
        assertThat(subscription.unseenChanges()).isEqualTo(1);
        assertThat(caller.as(pia, () -> lists.changesSince(national.id()))).singleElement().satisfies(change -> {
            assertThat(change.handle()).isEqualTo("HealthwatchE");
            assertThat(change.kind()).isEqualTo(ListChange.Kind.ADDED);
            assertThat(change.memberName()).isEqualTo("Cara Byrne");
            assertThat(change.note()).contains("patient voice");
        });
        assertThat(caller.as(cara, () -> lists.history(older.id()))).isNotEmpty()
                .allSatisfy(change -> assertThat(change.memberName()).isEqualTo("Cara Byrne"));
        assertThat(caller.as(member("aud.auditor"), audit::verify).intact()).isTrue();
    }
}
