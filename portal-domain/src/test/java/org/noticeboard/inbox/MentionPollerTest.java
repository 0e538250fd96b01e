package org.noticeboard.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.xapi.XException;
import org.noticeboard.xapi.XFailure;
import org.noticeboard.xapi.XPost;
import org.noticeboard.xapi.XUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(classes = DomainTestApplication.class)
class MentionPollerTest {

    @Autowired org.noticeboard.testing.World world;
    @Autowired org.noticeboard.account.OfficialAccountService accountService;
    @Autowired org.jooq.DSLContext db;
    InboxFixture fixture;
    @Autowired MentionPoller poller;
    @Autowired MentionService inbox;
    @Autowired TestCaller caller;
    @Autowired FakeX x;
    @Autowired FakeTokens tokens;
    @Autowired ShiftableClock clock;

    InboxFixture.Trust trust;
    XUser patient = new XUser("5001", "SamRiversCOPD", "Sam Rivers");

    @BeforeEach
    void setUp() {
        x.reset();
        tokens.reset();
        clock.reset();
        fixture = new InboxFixture(world, caller, accountService, tokens, db);
        trust = fixture.connected("Polling Trust");
    }

    List<Mention> mentions() {
        return caller.as(trust.member(Role.APPROVER), () -> inbox.inbox(InboxFilter.all()));
    }

    List<XPost> mentionTimes(int n, String prefix) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> x.mention(trust.xUserId(), patient, prefix + " " + i, null)).toList();
    }

    @Test
    void a_poll_reads_every_page_and_the_next_one_asks_only_for_newer_mentions() {
        x.mentionPageSize(2);
        List<XPost> first = mentionTimes(5, "Thank you");

        PollOutcome outcome = poller.poll(trust.account(), 10);

        assertThat(outcome).isEqualTo(new PollOutcome(trust.account(), 3, 5, true, null));
        assertThat(mentions()).extracting(Mention::xPostId)
                .containsExactlyElementsOf(first.reversed().stream().map(XPost::id).toList());
        assertThat(mentions()).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(MentionState.NEW);
            assertThat(m.authorUsername()).isEqualTo("SamRiversCOPD");
            assertThat(m.authorName()).isEqualTo("Sam Rivers");
        });

        assertThat(poller.poll(trust.account(), 10)).isEqualTo(new PollOutcome(trust.account(), 1, 0, true, null));
        assertThat(x.mentionRequests().getLast()).isEqualTo(first.getLast().id() + "|null");

        XPost later = x.mention(trust.xUserId(), patient, "One more question", null);
        assertThat(poller.poll(trust.account(), 10).added()).isEqualTo(1);
        assertThat(mentions()).hasSize(6).first().satisfies(m -> assertThat(m.xPostId()).isEqualTo(later.id()));
    }

    @Test
    void a_run_cut_short_carries_on_where_it_stopped_without_gaps_or_duplicates() {
        x.mentionPageSize(2);
        List<XPost> first = mentionTimes(5, "Question");

        // one page per poll, as if the instance stopped after each page
        PollOutcome one = poller.poll(trust.account(), 1);
        assertThat(one.complete()).isFalse();
        assertThat(one.added()).isEqualTo(2);
        // a mention arrives while the older pages are still being read
        XPost meanwhile = x.mention(trust.xUserId(), patient, "Arrived meanwhile", null);
        // X's rate limit stops the next poll: the cursor stays, the problem is kept
        x.nextMentions(() -> new XException(XFailure.RATE_LIMITED, 429, "Too Many Requests"));
        PollOutcome limited = poller.poll(trust.account(), 1);
        assertThat(limited.problem()).contains("limit on reading mentions");
        assertThat(caller.as(trust.member(Role.STAFF), () -> inbox.pollStatus(trust.account())))
                .satisfies(s -> {
                    assertThat(s.problem()).contains("limit");
                    assertThat(s.catchingUp()).isTrue();
                });

        assertThat(poller.poll(trust.account(), 1).added()).isEqualTo(2);
        PollOutcome last = poller.poll(trust.account(), 1);
        assertThat(last.complete()).isTrue();
        assertThat(last.added()).isEqualTo(1);
        assertThat(mentions()).hasSize(5);
        // since_id is the newest of the run, so the one that came meanwhile is read next
        assertThat(poller.poll(trust.account(), 5).added()).isEqualTo(1);
        assertThat(x.mentionRequests().getLast()).startsWith(first.getLast().id() + "|");

        assertThat(mentions()).extracting(Mention::xPostId).doesNotHaveDuplicates().hasSize(6)
                .contains(meanwhile.id()).containsAll(first.stream().map(XPost::id).toList());
        assertThat(poller.poll(trust.account(), 5).added()).isZero();
        assertThat(caller.as(trust.member(Role.STAFF), () -> inbox.pollStatus(trust.account())))
                .satisfies(s -> {
                    assertThat(s.problem()).isNull();
                    assertThat(s.catchingUp()).isFalse();
                });
    }

    @Test
    void mentions_of_a_known_stakeholder_are_highlighted_with_the_category_by_user_id_or_by_handle() {
        XUser mp = new XUser("6001", "JaneDoeMP", "Jane Doe MP");
        XUser board = new XUser("6002", "ValleyHealth", "Valley Health Board");
        fixture.stakeholder(trust, mp, StakeholderCategory.MP, true);
        fixture.stakeholder(trust, board, StakeholderCategory.NHS_ORGANISATION, false);
        x.mention(trust.xUserId(), mp, "Great to visit the falls class", null);
        x.mention(trust.xUserId(), board, "Joint flu clinics next week", null);
        x.mention(trust.xUserId(), patient, "Parking at the hub?", null);

        poller.poll(trust.account(), 5);

        assertThat(mentions()).extracting(Mention::authorUsername, Mention::stakeholderCategory, Mention::stakeholderName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("JaneDoeMP", StakeholderCategory.MP, "Jane Doe MP"),
                        org.assertj.core.groups.Tuple.tuple("ValleyHealth", StakeholderCategory.NHS_ORGANISATION, "Valley Health Board"),
                        org.assertj.core.groups.Tuple.tuple("SamRiversCOPD", null, null));
        assertThat(caller.as(trust.member(Role.STAFF), () -> inbox.inbox(InboxFilter.all()
                .withStakeholderCategory(StakeholderCategory.MP)))).singleElement()
                .satisfies(m -> assertThat(m.fromStakeholder()).isTrue());
    }

    @Test
    void a_mention_deleted_on_x_is_marked_and_cannot_be_answered() {
        XPost post = x.mention(trust.xUserId(), patient, "I regret writing this", null);
        poller.poll(trust.account(), 5);
        x.deleteOnX(post.id());

        poller.poll(trust.account(), 5);

        Mention mention = mentions().getFirst();
        assertThat(mention.deletedOnX()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caller.as(trust.member(Role.STAFF),
                        () -> inbox.startReply(mention.id(), null, java.util.Map.of())))
                .hasMessageContaining("@SamRiversCOPD deleted this post on X: there is nothing to reply to any more.");
    }

    @Test
    void an_account_that_is_not_connected_is_not_polled() {
        tokens.reset();
        assertThat(poller.poll(trust.account(), 5).problem()).contains("did not accept the account's connection");
        assertThat(poller.connectedAccounts()).contains(trust.account());
    }
}
