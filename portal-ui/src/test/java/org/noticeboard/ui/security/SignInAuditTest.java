package org.noticeboard.ui.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.ui.KaribuTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Signing in and out through the real security filter chain (the form Vaadin's sign-in page posts to):
 * each sign-in, refused sign-in and sign-out is in the audit trail with the address it came from.
 */
class SignInAuditTest extends KaribuTest {

    @Autowired WebApplicationContext web;
    @Autowired DSLContext db;

    MockMvc mvc;

    @BeforeEach
    void mvc() {
        mvc = MockMvcBuilders.webAppContextSetup(web).apply(springSecurity()).build();
    }

    @Test
    void a_sign_in_a_refused_sign_in_and_a_sign_out_are_recorded_with_the_source_address() throws Exception {
        mvc.perform(post("/login").param("username", "cara.curator").param("password", "not the password")
                        .with(csrf()).with(from("198.51.100.21")))
                .andExpect(redirectedUrl("/login?error"));
        var signedIn = mvc.perform(post("/login").param("username", "cara.curator").param("password", "demo")
                        .with(csrf()).with(from("203.0.113.20")))
                .andExpect(redirectedUrl("/"))
                .andReturn();
        var session = (MockHttpSession) signedIn.getRequest().getSession(false);
        mvc.perform(post("/logout").session(session).with(csrf()).with(from("203.0.113.20")));

        assertThat(summaries("member.sign-in-failed")).anySatisfy(s -> assertThat(s)
                .contains("\"cara.curator\"", "198.51.100.21", "wrong name or password"));
        assertThat(summaries("member.signed-in")).anySatisfy(s -> assertThat(s)
                .contains("signed in with the sign-in form from 203.0.113.20"));
        assertThat(summaries("member.signed-out")).anySatisfy(s -> assertThat(s).endsWith("signed out from 203.0.113.20"));
    }

    @Test
    void a_name_nobody_has_is_counted_for_the_installation_not_put_in_an_organisations_trail() throws Exception {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/login").param("username", nobody).param("password", "guess").with(csrf()).with(from("192.0.2.44")))
                .andExpect(redirectedUrl("/login?error"));

        assertThat(db.fetchValue("select attempts from unattributed_sign_in_failure where username = ? and source_address = ?",
                nobody, "192.0.2.44")).isEqualTo(1L);
        assertThat(db.fetchCount(db.selectFrom("audit_event").where("summary like ?", "%" + nobody + "%"))).isZero();
    }

    private List<String> summaries(String action) {
        return db.fetch("select summary from audit_event where action = ? order by id", action).getValues(0, String.class);
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
