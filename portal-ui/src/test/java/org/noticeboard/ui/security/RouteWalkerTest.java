package org.noticeboard.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.ROLE_GRANT;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.data.provider.HasDataView;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticeboard.access.Access;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.department.DepartmentService;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.followlist.Visibility;
import org.noticeboard.guidance.GuidanceService;
import org.noticeboard.member.MemberService;
import org.noticeboard.organisation.Tenants;
import org.noticeboard.policy.GuidanceSection;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.stakeholder.StakeholderDraft;
import org.noticeboard.stakeholder.StakeholderService;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Opens every route of the application (found on the class path, not listed by hand) through Vaadin's
 * real navigation and access control:
 * <ul>
 * <li>signed out: only the routes meant for anyone open, the rest send to sign-in;</li>
 * <li>as each member of an organisation (one per role, one with no role): exactly the roles {@link #ROUTES}
 * names see the view (and, where the route names one of the organisation's subjects, see that subject);
 * the others are refused;</li>
 * <li>as each member of another organisation (one per role, one with no role, one holding every role), with the
 * first organisation's ids in the route: refused, or shown without anything of the first organisation.</li>
 * </ul>
 * A route that is not in {@link #ROUTES} fails the walk, so a new view cannot ship without saying who opens it.
 */
class RouteWalkerTest extends KaribuTest {

    /** Who opens a route: a member holding one role across the organisation, one holding none, or nobody signed in. */
    enum Who {
        STAFF, APPROVER, ACCOUNT_ADMIN, CURATOR, AUDITOR, ORG_ADMIN, NO_ROLE;

        @Nullable Role role() {
            return this == NO_ROLE ? null : Role.valueOf(name());
        }
    }

    /**
     * Who may open a route, where to go for it (with the organisation's ids filled in), and whether the
     * route names a subject of the organisation (then whoever it shows must see that subject).
     * {@code anyone}: signed out too (sign-in, and a public list's link, which is public by design).
     */
    record RouteRule(Set<Who> members, boolean anyone, List<Function<Org, String>> locations, boolean namesSubject) {

        /**
         * Who opens the route holding their role only in another department than the subjects': the route is guarded
         * by role, so each role it admits (what the page then shows them is the domain's to narrow, and must hold none
         * of the department's texts). Organisation admin and auditor held in a department are no role at all.
         */
        Set<Who> elsewhere() {
            if (members.contains(Who.NO_ROLE)) {
                return members;
            }
            var set = EnumSet.noneOf(Who.class);
            members.stream().filter(w -> w.role() != null && !w.role().organisationWideOnly()).forEach(set::add);
            return set;
        }
    }

    static final Set<Who> SIGNED_IN = EnumSet.allOf(Who.class);

    /** Every member holding a role: a member with none (anyone the identity provider lets in) sees Home only. */
    static final Set<Who> ANY_ROLE = EnumSet.complementOf(EnumSet.of(Who.NO_ROLE));

    static RouteRule route(Set<Who> members, String location) {
        return new RouteRule(members, false, List.of(o -> location), false);
    }

    @SafeVarargs
    static RouteRule subject(Set<Who> members, Function<Org, String>... locations) {
        return new RouteRule(members, false, List.of(locations), true);
    }

    static Set<Who> only(Who... who) {
        return EnumSet.copyOf(Arrays.asList(who));
    }

    /** Every route, by its {@code @Route} value. */
    static final Map<String, RouteRule> ROUTES = new TreeMap<>();

    static {
        ROUTES.put("", route(SIGNED_IN, ""));
        ROUTES.put("login", new RouteRule(SIGNED_IN, true, List.of(o -> "login"), false));
        // where a person the live sign-in refused is told why: they are not signed in
        ROUTES.put("sign-in-refused", new RouteRule(SIGNED_IN, true, List.of(o -> "sign-in-refused"), false));
        ROUTES.put("notifications", route(ANY_ROLE, "notifications"));
        ROUTES.put("guidance/:section?", new RouteRule(ANY_ROLE, false,
                List.of(o -> "guidance", o -> "guidance/" + GuidanceSection.BE_CURIOUS.anchor()), false));
        // the sandbox stands in for X, where published posts are public; the walker's posts are not published
        ROUTES.put("sandbox-timeline", new RouteRule(ANY_ROLE, false, List.of(o -> "sandbox-timeline?post=" + o.reviewPost),
                false));
        // the organisation's stakeholder directory and follow lists (with their internal notes) are every member's to
        // read who holds a role
        ROUTES.put("stakeholders", subject(ANY_ROLE, o -> "stakeholders?open=" + o.stakeholder));
        ROUTES.put("lists", route(ANY_ROLE, "lists"));
        ROUTES.put("lists/:listId", subject(ANY_ROLE, o -> "lists/" + o.list));
        // a public list's link is meant for anyone, signed in or not, of any organisation
        ROUTES.put("public/lists/:token", new RouteRule(SIGNED_IN, true, List.of(o -> "public/lists/" + o.publicToken), true));
        ROUTES.put("stakeholders/import", subject(only(Who.CURATOR, Who.ORG_ADMIN), o -> "stakeholders/import?list=" + o.list));
        ROUTES.put("lists/:listId/sync", subject(only(Who.CURATOR, Who.ACCOUNT_ADMIN), o -> "lists/" + o.list + "/sync"));

        ROUTES.put("compose/:postId?", new RouteRule(only(Who.STAFF), false,
                List.of(o -> "compose", o -> "compose/" + o.draftPost), true));
        ROUTES.put("posts", route(only(Who.STAFF, Who.APPROVER), "posts"));
        ROUTES.put("calendar", route(only(Who.STAFF, Who.APPROVER), "calendar"));
        ROUTES.put("inbox", route(only(Who.STAFF, Who.APPROVER), "inbox"));
        ROUTES.put("tweet-chats", route(only(Who.STAFF, Who.APPROVER), "tweet-chats"));
        ROUTES.put("campaigns", route(only(Who.STAFF, Who.APPROVER, Who.ORG_ADMIN), "campaigns"));
        ROUTES.put("campaigns/:id", subject(only(Who.STAFF, Who.APPROVER, Who.ORG_ADMIN), o -> "campaigns/" + o.campaign));
        ROUTES.put("review", route(only(Who.APPROVER), "review"));
        ROUTES.put("review/post/:postId", subject(only(Who.APPROVER), o -> "review/post/" + o.reviewPost));
        ROUTES.put("templates", route(only(Who.APPROVER, Who.ORG_ADMIN), "templates"));
        ROUTES.put("impact", subject(only(Who.APPROVER, Who.ACCOUNT_ADMIN, Who.ORG_ADMIN),
                o -> "impact?campaign=" + o.campaign, o -> "impact?account=" + o.account));

        ROUTES.put("accounts", route(only(Who.ACCOUNT_ADMIN), "accounts"));
        ROUTES.put("accounts/:accountId/workflow", subject(only(Who.ACCOUNT_ADMIN),
                o -> "accounts/" + o.account + "/workflow"));
        ROUTES.put("list-syncs", route(only(Who.ACCOUNT_ADMIN), "list-syncs"));

        ROUTES.put("departments", route(only(Who.ORG_ADMIN), "departments"));
        ROUTES.put("members", route(only(Who.ORG_ADMIN), "members"));
        ROUTES.put("policy", route(only(Who.ORG_ADMIN, Who.AUDITOR), "policy"));

        ROUTES.put("audit", route(only(Who.AUDITOR, Who.ORG_ADMIN), "audit"));
        ROUTES.put("compliance", route(only(Who.AUDITOR, Who.ORG_ADMIN), "compliance"));
        ROUTES.put("policy-history", route(only(Who.AUDITOR, Who.ORG_ADMIN), "policy-history"));
        ROUTES.put("pre-election-periods", route(only(Who.AUDITOR, Who.ORG_ADMIN), "pre-election-periods"));
        ROUTES.put("dossiers", route(only(Who.AUDITOR), "dossiers"));
        ROUTES.put("dossier", subject(only(Who.AUDITOR), o -> "dossier/" + o.reviewPost));
    }

    /** An organisation whose every name and text carries its marker, with the subjects the routes name. */
    static final class Org {
        final String marker;
        final Map<Who, String> usernames = new EnumMap<>(Who.class);
        /** Members holding one role each, only in the organisation's other department (Rehabilitation). */
        final Map<Who, String> elsewhere = new EnumMap<>(Who.class);
        /** Texts only the subjects' department may read: its posts, in the campaign. */
        final List<String> departmentTexts = new ArrayList<>();
        String everyRole = "";
        long department;
        long account;
        long draftPost;
        long reviewPost;
        long campaign;
        long stakeholder;
        long list;
        String publicToken = "";

        Org(String marker) {
            this.marker = marker;
        }
    }

    private static @Nullable Org victim;
    private static @Nullable Org intruder;
    private static final Map<String, Integer> visits = new TreeMap<>();
    private static long uiNanos;
    /** Visits of the walker's own self-test are not counted with the walk. */
    private static boolean selfTest;

    @Autowired Tenants tenants;
    @Autowired Access access;
    @Autowired DepartmentService departments;
    @Autowired MemberService members;
    @Autowired OfficialAccountService accounts;
    @Autowired PostService posts;
    @Autowired CampaignService campaigns;
    @Autowired StakeholderService stakeholders;
    @Autowired FollowListService lists;
    @Autowired GuidanceService guidance;
    @Autowired DSLContext db;

    /** Both organisations, built once for the whole walk (the application context, and its database, are shared). */
    private synchronized void organisations() {
        if (victim == null) {
            var own = build("Zqvictim");
            intruder = build("Zqintruder");
            victim = own;
        }
    }

    private Org build(String marker) {
        var org = new Org(marker);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var organisation = tenants.create(marker.toLowerCase() + "-" + suffix, marker + " Trust");
        var ids = new EnumMap<Who, Long>(Who.class);
        access.asSystem(organisation.id(), "route walker set-up", () -> {
            org.department = departments.create(marker + " Physiotherapy").id();
            for (Who who : Who.values()) {
                String username = marker.toLowerCase() + "." + who.name().toLowerCase().replace("_", "") + "." + suffix;
                long member = members.create(marker + " " + who, null, org.department, username).id();
                if (who.role() != null) {
                    members.grant(member, who.role(), null);
                }
                org.usernames.put(who, username);
                ids.put(who, member);
            }
            org.everyRole = marker.toLowerCase() + ".every." + suffix;
            long every = members.create(marker + " Every Role", null, org.department, org.everyRole).id();
            for (Role role : Role.values()) {
                members.grant(every, role, null);
            }
            org.account = accounts.register(marker.substring(0, 3) + suffix, marker + " account", org.department).id();
            // one member per role holding it only in another department; an organisation admin or auditor grant for a
            // department cannot be made any more, but one stored before that rule is written as it was stored
            long rehab = departments.create(marker + " Rehabilitation").id();
            for (Role role : Role.values()) {
                Who who = Who.valueOf(role.name());
                String username = marker.toLowerCase() + ".rehab." + who.name().toLowerCase().replace("_", "") + "." + suffix;
                long member = members.create(marker + " Rehabilitation " + who, null, rehab, username).id();
                if (role.organisationWideOnly()) {
                    db.insertInto(ROLE_GRANT).set(ROLE_GRANT.ORGANISATION_ID, organisation.id())
                            .set(ROLE_GRANT.MEMBER_ID, member).set(ROLE_GRANT.ROLE, role.name())
                            .set(ROLE_GRANT.DEPARTMENT_ID, rehab).execute();
                } else {
                    members.grant(member, role, rehab);
                }
                org.elsewhere.put(who, username);
            }
            return null;
        });
        access.asMember(ids.get(Who.ORG_ADMIN), () -> {
            var section = guidance.sections().stream().filter(e -> e.section() == GuidanceSection.BE_CURIOUS)
                    .findFirst().orElseThrow();
            return guidance.update(GuidanceSection.BE_CURIOUS, marker + " guidance: ask first", section.version());
        });
        org.stakeholder = access.asMember(ids.get(Who.CURATOR), () -> stakeholders.add(StakeholderDraft.of(marker + "MP",
                marker + " MP", StakeholderCategory.MP))).stakeholder().id();
        org.campaign = access.asMember(ids.get(Who.APPROVER), () -> campaigns.create(marker + " Falls Week",
                List.of("#" + marker), null, null, marker + " goal: fewer falls")).id();
        // both posts are in the campaign, whose page another department's approver opens
        org.departmentTexts.add(marker + " draft about the falls clinic");
        org.departmentTexts.add(marker + " physio drop-in on Tuesday");
        access.asMember(ids.get(Who.STAFF), () -> {
            org.draftPost = posts.save(null, new PostDraft(org.account, org.departmentTexts.get(0), null, null,
                    org.campaign, List.of(), Map.of()), 0).id();
            var saved = posts.save(null, new PostDraft(org.account, org.departmentTexts.get(1), null, null, org.campaign,
                    List.of(), Map.of()), 0);
            org.reviewPost = posts.submit(saved.id(), saved.version()).id();
            return null;
        });
        access.asMember(ids.get(Who.CURATOR), () -> {
            var list = lists.create(org.department, marker + " partners", marker + " description", marker + " purpose");
            lists.addMember(list.id(), org.stakeholder, marker + " note");
            list = lists.get(list.id());
            org.list = lists.setVisibility(list.id(), Visibility.ORGANISATION, list.version()).id();
            var shared = lists.create(org.department, marker + " public list", marker + " shared", null);
            lists.addMember(shared.id(), org.stakeholder, marker + " public note");
            shared = lists.get(shared.id());
            org.publicToken = Objects.requireNonNull(lists.setVisibility(shared.id(), Visibility.PUBLIC, shared.version())
                    .publicToken());
            return null;
        });
        return org;
    }

    // ---- discovery ----------------------------------------------------------------------------------

    /** Every class of ours annotated with {@code @Route}, by its route value. */
    static Map<String, Class<?>> routesOnTheClassPath() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        var routes = new TreeMap<String, Class<?>>();
        for (var candidate : scanner.findCandidateComponents("org.noticeboard")) {
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName());
                routes.put(type.getAnnotation(Route.class).value(), type);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        return routes;
    }

    static Stream<String> routes() {
        return routesOnTheClassPath().keySet().stream();
    }

    @Test
    void every_route_is_classified_and_the_router_knows_no_other() {
        var onTheClassPath = routesOnTheClassPath();
        assertThat(onTheClassPath.keySet()).as("routes that say nowhere who may open them: add them to ROUTES")
                .isSubsetOf(ROUTES.keySet());
        assertThat(ROUTES.keySet()).as("ROUTES naming no route (renamed or removed?)").isSubsetOf(onTheClassPath.keySet());
        var registered = RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
                .map(RouteData::getNavigationTarget).map(Class::getName).filter(t -> t.startsWith("org.noticeboard."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(registered).as("the router's routes are the ones walked")
                .containsExactlyElementsOf(onTheClassPath.values().stream().map(Class::getName)
                        .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(onTheClassPath).hasSizeGreaterThanOrEqualTo(30);
        var roles = new TreeSet<Who>();
        ROUTES.values().forEach(r -> roles.addAll(r.members()));
        assertThat(roles).as("every role opens some route").containsExactlyInAnyOrder(Who.values());
    }

    @AfterAll
    static void report() {
        System.out.println("RouteWalkerTest: " + ROUTES.size() + " routes walked; visits " + visits + "; new UIs took "
                + uiNanos / 1_000_000 + " ms");
    }

    // ---- the walk -------------------------------------------------------------------------------------

    /** Where a visit ended. */
    enum Seen { SHOWN, FORWARDED, SIGN_IN, REFUSED }

    record Visit(Seen seen, String view, String page) {}

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void a_route_opens_for_its_roles_and_shows_nothing_of_another_organisation(String route) {
        organisations();
        RouteRule rule = ROUTES.get(route);
        assertThat(rule).as("who may open \"" + route + "\"? Add it to ROUTES").isNotNull();
        assertThat(problems(route, rule)).as(route).isEmpty();
    }

    @Test
    void the_walk_fails_a_route_open_to_too_many_or_showing_another_organisation() {
        organisations();
        selfTest = true;
        try {
            walkWrongRules();
        } finally {
            selfTest = false;
        }
    }

    private void walkWrongRules() {
        // departments as if staff should see them: staff are refused, which the walk reports
        assertThat(problems("departments", route(only(Who.STAFF, Who.ORG_ADMIN), "departments")))
                .contains("departments as STAFF: REFUSED () but should see it");
        // a public list's page as if it were not public: the walk sees our list on the other organisation's screen
        var notPublic = new RouteRule(SIGNED_IN, false, ROUTES.get("public/lists/:token").locations(), true);
        assertThat(problems("public/lists/:token", notPublic))
                .anySatisfy(p -> assertThat(p).contains("signed out: SHOWN"))
                .anySatisfy(p -> assertThat(p).contains("as another organisation's STAFF: shows our data")
                        .contains("Zqvictim public list"));
    }

    /** What is wrong with who opens the route and what they see (nothing, for a route that is right). */
    List<String> problems(String route, RouteRule rule) {
        Class<?> target = routesOnTheClassPath().get(route);
        Org own = Objects.requireNonNull(victim);
        Org other = Objects.requireNonNull(intruder);
        var problems = new ArrayList<String>();
        for (var location : rule.locations()) {
            String path = location.apply(own);

            Visit signedOut = visit(null, path, target);
            if (rule.anyone() ? signedOut.seen() != Seen.SHOWN : signedOut.seen() != Seen.SIGN_IN) {
                problems.add(path + " signed out: " + signedOut.seen() + " (" + signedOut.view() + ")");
            }

            for (Who who : Who.values()) {
                Visit visit = visit(own.usernames.get(who), path, target);
                boolean allowed = rule.members().contains(who);
                if (allowed && visit.seen() != Seen.SHOWN) {
                    problems.add(path + " as " + who + ": " + visit.seen() + " (" + visit.view() + ") but should see it");
                } else if (allowed && rule.namesSubject() && !visit.page().contains(own.marker)) {
                    problems.add(path + " as " + who + ": shown without the subject it names");
                } else if (!allowed && visit.seen() != Seen.REFUSED) {
                    problems.add(path + " as " + who + ": " + visit.seen() + " (" + visit.view() + ") but should be refused");
                }
            }

            // the organisation's members holding their role only in another department
            for (Who who : Who.values()) {
                String username = own.elsewhere.get(who);
                if (username == null) {
                    continue;
                }
                Visit visit = visit(username, path, target);
                String label = path + " as " + who + " held only in another department";
                boolean opens = rule.elsewhere().contains(who);
                if (opens && (visit.seen() == Seen.REFUSED || visit.seen() == Seen.SIGN_IN)) {
                    problems.add(label + ": " + visit.seen() + " (" + visit.view() + ") but the route admits the role");
                } else if (!opens && !rule.anyone() && visit.seen() != Seen.REFUSED) {
                    problems.add(label + ": " + visit.seen() + " (" + visit.view() + ") but should be refused");
                }
                own.departmentTexts.stream().filter(visit.page()::contains).findFirst().ifPresent(text -> problems.add(
                        label + ": shows the department's data: " + abbreviate(visit.page(), text)));
            }

            // every route as the other organisation's member holding every role (each list view must show only their
            // own organisation); a route naming one of our subjects also as each of their roles, and with no role
            var intruders = new LinkedHashMap<String, String>();
            if (namesOurs(path, own)) {
                for (Who who : Who.values()) {
                    intruders.put("another organisation's " + who, other.usernames.get(who));
                }
            }
            intruders.put("another organisation's member holding every role", other.everyRole);
            intruders.forEach((label, username) -> {
                Visit visit = visit(username, path, target);
                if (visit.seen() == Seen.SIGN_IN) {
                    problems.add(path + " as " + label + ": sent to sign in although signed in");
                }
                // a public list's link shows the list to anyone, by design; every other page shows them nothing of ours
                boolean publicLink = rule.anyone() && rule.namesSubject();
                if (!publicLink && visit.page().contains(own.marker)) {
                    problems.add(path + " as " + label + ": shows our data: " + abbreviate(visit.page(), own.marker));
                }
            });
        }
        return problems;
    }

    /** Whether the location carries one of the organisation's ids (or its public list's token). */
    static boolean namesOurs(String path, Org org) {
        return Stream.of(org.reviewPost, org.draftPost, org.campaign, org.account, org.list, org.stakeholder)
                .anyMatch(id -> path.matches(".*[/=]" + id + "(\\b.*|$)")) || path.contains(org.publicToken);
    }

    /** Opens the location in a new UI, as that member (or signed out), and says where it ended and what it shows. */
    private Visit visit(@Nullable String username, String path, Class<?> target) {
        synchronized (visits) {
            if (!selfTest) {
                visits.merge(username == null ? "signed out" : username.startsWith("zqvictim") ? "own organisation"
                        : "other organisation", 1, Integer::sum);
            }
        }
        if (username == null) {
            SecurityContextHolder.clearContext();
        } else {
            signIn(username);
        }
        long started = System.nanoTime();
        newUi();
        long fresh = System.nanoTime();
        uiNanos += fresh - started;
        int query = path.indexOf('?');
        try {
            if (query < 0) {
                UI.getCurrent().navigate(path);
            } else {
                UI.getCurrent().navigate(path.substring(0, query), QueryParameters.fromString(path.substring(query + 1)));
            }
        } catch (MockAccessDeniedException refused) {
            return new Visit(Seen.REFUSED, "", pageText());
        }
        var chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        Class<?> shown = chain.isEmpty() ? Void.class : chain.getFirst().getClass();
        Seen seen = shown == target ? Seen.SHOWN : shown == LoginView.class ? Seen.SIGN_IN : Seen.FORWARDED;
        return new Visit(seen, shown.getSimpleName(), pageText());
    }

    /**
     * Everything the page holds: text, every element's properties and attributes (a field's value), the
     * items behind grids, combo boxes and selects, and notifications.
     */
    static String pageText() {
        var text = new StringBuilder();
        var components = new ArrayList<Component>(LocatorJ._find(Component.class));
        components.addAll(NotificationsKt.getNotifications());
        for (Component component : components) {
            Element element = component.getElement();
            text.append(element.getTextRecursively()).append('\n');
            element.getPropertyNames().forEach(p -> text.append(p).append('=').append(element.getProperty(p)).append('\n'));
            element.getAttributeNames().forEach(a -> text.append(a).append('=').append(element.getAttribute(a)).append('\n'));
            if (component instanceof HasDataView<?, ?, ?> data) {
                try {
                    data.getGenericDataView().getItems().limit(1000).forEach(item -> text.append(item).append('\n'));
                } catch (RuntimeException unsized) {
                    // a lazy data view that cannot list its items without a query: its rows are in the text
                }
            }
        }
        return text.toString();
    }

    static String abbreviate(String page, String marker) {
        int at = page.indexOf(marker);
        return page.substring(Math.max(0, at - 120), Math.min(page.length(), at + 200)).replace('\n', ' ');
    }

}
