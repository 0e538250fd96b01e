package org.noticeboard.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockedUI;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.github.mvysny.fakeservlet.FakeRequest;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.noticeboard.testing.PortalDatabase;
import org.noticeboard.ui.security.TestSignIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Views tested server-side with Karibu, in the whole Spring application on its own database,
 * with the demo data seeded. Route access goes through Vaadin's real access control, which
 * reads the fake request's principal and roles from the security context set by {@link #signIn}.
 */
// views are tested with publishing held: a test's approved post stays SCHEDULED until it says otherwise
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "noticeboard.x.publishing.enabled=false")
@Import(TestSignIn.class)
public abstract class KaribuTest {

    private static final Routes routes = new Routes().autoDiscoverViews("org.noticeboard.ui");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        PortalDatabase.register(registry);
    }

    @Autowired protected ApplicationContext context;
    @Autowired protected TestSignIn testSignIn;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setMockRequestFactory(session -> new FakeRequest(session) {
            @Override
            public @Nullable Principal getUserPrincipal() {
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                return authentication == null || authentication instanceof AnonymousAuthenticationToken ? null : authentication;
            }

            @Override
            public boolean isUserInRole(String role) {
                Authentication authentication = (Authentication) getUserPrincipal();
                return authentication != null && authentication.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
            }
        });
        MockVaadin.setup(MockedUI::new, new MockSpringServlet(routes, context, MockedUI::new));
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(FakeRequest::new);
    }

    /**
     * A new session with a new UI, as a fresh browser would get; whoever is signed in stays signed in.
     * For tests that open many routes as many members: nothing of one visit carries into the next.
     */
    protected void newUi() {
        MockVaadin.tearDown();
        MockVaadin.setup(MockedUI::new, new MockSpringServlet(routes, context, MockedUI::new));
    }

    /** Signs a seeded demo member in, as the sign-in form would. */
    protected void signIn(String username) {
        testSignIn.signIn(username);
    }
}
