package org.noticeboard.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import noticeboardfixture.UnannotatedRoute;
import org.noticeboard.ui.archfixture.ViewReadingJooq;

/**
 * The module rules of DESIGN.md, as sentences: dependencies point ui -> twitter -> domain -> db;
 * the domain never imports Vaadin, Spring MVC, Spring Security or twitter4j; the UI never sees
 * jOOQ's generated classes; every route says who may open it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchitectureTest {

    static final String UI = "org.noticeboard.ui..";
    static final String X = "org.noticeboard.x..";
    static final String DB = "org.noticeboard.db..";
    static final String APP = "org.noticeboard.app..";

    /** The domain is every feature package that is not the UI, X, the database module or the application wiring. */
    static final DescribedPredicate<JavaClass> DOMAIN = DescribedPredicate.describe("the domain",
            c -> c.getPackageName().startsWith("org.noticeboard.")
                    && !resideInAnyPackage(UI, X, DB, APP).test(c));

    JavaClasses production;

    @BeforeAll
    void importClasses() {
        // the domain and db modules arrive as jars in a reactor build, as directories in an IDE
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar")
                        && !location.contains("/archfixture/"))
                .importPackages("org.noticeboard");
    }

    static ArchRule domainStaysFreeOfFrameworksAbove() {
        return noClasses().that(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(UI, X, APP, "com.vaadin..", "twitter4j..",
                        "org.springframework.web..", "org.springframework.security..", "jakarta.servlet..")
                .as("the domain never imports the UI, the X integration, Vaadin, Spring MVC, Spring Security or twitter4j");
    }

    static ArchRule uiNeverSeesJooq() {
        return noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().resideInAnyPackage("org.noticeboard.db.jooq..", "org.jooq..")
                .as("views get Java records from domain services, never jOOQ or its generated classes");
    }

    static ArchRule twitterBelowUi() {
        return noClasses().that().resideInAPackage(X)
                .should().dependOnClassesThat().resideInAnyPackage(UI, APP, "com.vaadin..")
                .as("the X integration depends on the domain only, never on the UI");
    }

    static ArchRule dbAtTheBottom() {
        return noClasses().that().resideInAPackage(DB)
                .should().dependOnClassesThat(not(resideInAnyPackage(DB)).and(DescribedPredicate.describe("Noticeboard",
                        (JavaClass c) -> c.getPackageName().startsWith("org.noticeboard"))))
                .as("the db module depends on no other module");
    }

    static ArchRule uiDoesNotCreateTenants() {
        return noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat().haveFullyQualifiedName("org.noticeboard.organisation.Tenants")
                .orShould().dependOnClassesThat().resideInAPackage("org.noticeboard.installation..")
                .as("organisations are created by the installation, never on behalf of a signed-in member");
    }

    static ArchRule policyEngineIsPlainJava() {
        return noClasses().that().resideInAPackage("org.noticeboard.policy..")
                .and().haveSimpleNameNotEndingWith("Service")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.jooq..",
                        "org.noticeboard.db..", "com.vaadin..", "tools.jackson..")
                .as("the policy engine and its rules are plain Java: no Spring, database or Vaadin needed to use them");
    }

    /** Domain beans no member calls: the domain's ServiceMethodWalkerTest leaves them out of its walk for that reason. */
    static final java.util.Set<String> SYSTEM_ONLY_TYPES = java.util.Set.of("org.noticeboard.audit.AuditTrail",
            "org.noticeboard.audit.IntegrityMonitor", "org.noticeboard.impact.MetricsCollector",
            "org.noticeboard.inbox.MentionPoller", "org.noticeboard.listsync.ListSyncWorker",
            "org.noticeboard.stakeholder.StakeholderChecks", "org.noticeboard.post.PostExpiry",
            "org.noticeboard.post.MediaCleanup",
            "org.noticeboard.shared.SessionLocks", "org.noticeboard.stakeholder.StakeholderLists",
            "org.noticeboard.followlist.ListVisibility", "org.noticeboard.notification.MailOutbox",
            "org.noticeboard.publish.AfterPublish", "org.noticeboard.demo.DemoDirectory",
            "org.noticeboard.audit.AuditKeys", "org.noticeboard.audit.AuditCheckpointFiles");

    /** Methods of walked services that only the system calls (ServiceMethodWalkerTest.METHOD_EXCLUSIONS, and Access). */
    static final java.util.Set<String> SYSTEM_ONLY_METHODS = java.util.Set.of("org.noticeboard.access.Access.asSystem",
            "org.noticeboard.access.Access.asMember", "org.noticeboard.notification.NotificationService.tell",
            "org.noticeboard.account.OfficialAccountService.markNeedsReconnect",
            "org.noticeboard.account.OfficialAccountService.tokenRefreshed", "org.noticeboard.publish.Publisher.publish",
            "org.noticeboard.publish.Publisher.due", "org.noticeboard.publish.Publisher.publishedByThisInstance",
            "org.noticeboard.demo.DemoData.seedIfAbsent");

    static ArchRule viewsLeaveSystemWorkToTheSystem() {
        return noClasses().that().resideInAPackage(UI).and().resideOutsideOfPackage("org.noticeboard.ui.security..")
                .should().dependOnClassesThat(DescribedPredicate.describe("a domain bean only the system uses",
                        (JavaClass c) -> SYSTEM_ONLY_TYPES.contains(c.getName())))
                .orShould().callMethodWhere(DescribedPredicate.describe("a domain method only the system calls",
                        (com.tngtech.archunit.core.domain.JavaMethodCall call) -> SYSTEM_ONLY_METHODS.contains(
                                call.getTarget().getOwner().getName() + "." + call.getName())))
                .as("views never do the system's work (jobs, seeding, acting as the system, telling members): what "
                        + "the domain's service walker leaves out is out of every member's reach");
    }

    static ArchRule routesSayWhoMayOpenThem() {
        return classes().that().areAnnotatedWith(Route.class)
                .should().beAnnotatedWith(RolesAllowed.class)
                .orShould().beAnnotatedWith(PermitAll.class)
                .orShould().beAnnotatedWith(AnonymousAllowed.class)
                .as("every route is annotated with who may open it");
    }

    @Test
    void the_domain_never_imports_ui_x_or_web_frameworks() {
        domainStaysFreeOfFrameworksAbove().check(production);
    }

    @Test
    void the_ui_never_imports_jooq() {
        uiNeverSeesJooq().check(production);
    }

    @Test
    void the_x_integration_sits_below_the_ui() {
        twitterBelowUi().check(production);
    }

    @Test
    void the_db_module_depends_on_nothing_of_ours() {
        dbAtTheBottom().check(production);
    }

    @Test
    void the_ui_never_creates_tenants() {
        uiDoesNotCreateTenants().check(production);
    }

    @Test
    void the_policy_engine_needs_no_framework() {
        policyEngineIsPlainJava().check(production);
    }

    @Test
    void views_leave_the_systems_work_to_the_system() {
        viewsLeaveSystemWorkToTheSystem().check(production);
    }

    @Test
    void every_route_is_annotated_with_who_may_open_it() {
        routesSayWhoMayOpenThem().check(production);
    }

    @Test
    void the_checked_classes_include_every_module() {
        assertThat(production.containPackage("org.noticeboard.ui.shell")).isTrue();
        assertThat(production.containPackage("org.noticeboard.member")).isTrue();
        assertThat(production.containPackage("org.noticeboard.db.jooq.tables")).isTrue();
        assertThat(production.containPackage("org.noticeboard.x")).isTrue();
    }

    @Test
    void the_rules_fail_when_broken() {
        JavaClasses broken = new ClassFileImporter().importClasses(ViewReadingJooq.class, UnannotatedRoute.class);
        assertThat(uiNeverSeesJooq().evaluate(broken).hasViolation()).isTrue();
        assertThat(routesSayWhoMayOpenThem().evaluate(broken).hasViolation()).isTrue();
        JavaClasses domainBreaking = new ClassFileImporter().importClasses(org.noticeboard.archfixture.DomainUsingVaadin.class);
        assertThat(domainStaysFreeOfFrameworksAbove().evaluate(domainBreaking).hasViolation()).isTrue();
        JavaClasses systemWork = new ClassFileImporter().importClasses(org.noticeboard.ui.archfixture.ViewActingAsTheSystem.class);
        assertThat(viewsLeaveSystemWorkToTheSystem().evaluate(systemWork).hasViolation()).isTrue();
    }
}
