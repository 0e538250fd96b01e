package org.noticeboard.ui.stakeholder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.sidenav.SideNav;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticeboard.followlist.FollowList;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

class PublicListViewTest extends KaribuTest {

    @Autowired FollowListService lists;
    @Autowired StakeholderService stakeholders;

    /** A public list of Cara's department with one member carrying internal notes and a note on why. */
    FollowList publicList(String name, String handle) {
        signIn("cara.curator");
        var member = stakeholders.add(StakeholderDraft.of(handle, "Patients Association", StakeholderCategory.PATIENT_GROUP)
                .withRegion("England").withTopics(List.of("patient voice")).withNotes("Internal: chair is hostile"))
                .stakeholder();
        var list = lists.create(null, name, "Patient groups we listen to", "Hear patients first");
        lists.addMember(list.id(), member.id(), "Secret reason: board politics");
        list = lists.get(list.id());
        return lists.setVisibility(list.id(), Visibility.PUBLIC, list.version());
    }

    void visitAnonymously(String token) {
        SecurityContextHolder.clearContext();
        UI.getCurrent().navigate("public/lists/" + token);
    }

    @Test
    void anyone_with_the_link_reads_the_list_without_signing_in_and_without_internal_notes() {
        var list = publicList("Patient voices", "PubPatients");
        visitAnonymously(list.publicToken());

        assertThat(_get(H1.class, spec -> spec.withId("public-title")).getText()).isEqualTo("Patient voices");
        assertThat(_get(Paragraph.class, spec -> spec.withId("public-owner")).getText())
                .isEqualTo("A follow list of Older People's Rehabilitation, Northshire Community Health NHS Trust. "
                        + "1 stakeholder.");
        @SuppressWarnings("unchecked")
        Grid<?> members = _get(Grid.class, spec -> spec.withId("public-members"));
        assertThat(GridKt._size(members)).isEqualTo(1);
        assertThat(List.of(GridKt._getFormatted(members, 0, "handle"), GridKt._getFormatted(members, 0, "name"),
                GridKt._getFormatted(members, 0, "category"), GridKt._getFormatted(members, 0, "topics")))
                .containsExactly("@PubPatients", "Patients Association", "Patient group", "patient voice");
        assertThat(members.getColumns()).extracting(Grid.Column::getKey)
                .containsExactly("handle", "name", "category", "region", "topics");
        String page = _get(PublicListView.class).getElement().getTextRecursively();
        assertThat(page).contains("Hear patients first").doesNotContain("hostile").doesNotContain("Secret reason")
                .doesNotContain("Cara");
        // no shell around it: nothing of the portal for a visitor
        _assertNone(SideNav.class);

        String csv = new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("public-export"))),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("PubPatients,Patients Association").doesNotContain("hostile").doesNotContain("Secret");
    }

    @Test
    void an_unknown_link_says_there_is_no_such_list() {
        visitAnonymously("nosuchtoken");
        assertThat(_get(H1.class).getText()).isEqualTo("No such list");
        assertThat(_get(Paragraph.class, spec -> spec.withId("public-missing")).getText())
                .startsWith("There is no public list at this link");
    }

    @Test
    void a_link_stops_working_once_the_list_is_private_again() {
        var list = publicList("Briefly public", "PubBriefly");
        String token = list.publicToken();
        lists.setVisibility(list.id(), Visibility.ORGANISATION, list.version());
        visitAnonymously(token);
        _get(Paragraph.class, spec -> spec.withId("public-missing"));
    }
}
