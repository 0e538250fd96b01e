package org.noticeboard.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The settings as Spring binds them, with nothing set and with each set. */
class NoticeboardPropertiesTest {

    private static NoticeboardProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("noticeboard", NoticeboardProperties.class);
    }

    @Test
    void with_nothing_set_the_data_lives_in_dot_noticeboard_of_the_users_home_directory() {
        var properties = bind(Map.of());

        assertThat(properties.dataDir()).isEqualTo(Path.of(System.getProperty("user.home"), ".noticeboard"));
        assertThat(properties.dataDir().toString()).doesNotContain("${");
        assertThat(properties.demoMode()).isTrue();
        assertThat(properties.database().embedded()).isTrue();
    }

    @Test
    void a_data_directory_that_is_set_is_used_as_given() {
        var properties = bind(Map.of("noticeboard.data-dir", "/srv/noticeboard"));

        assertThat(properties.dataDir()).isEqualTo(Path.of("/srv/noticeboard"));
    }

    @Test
    void sign_in_is_open_unless_restricted_and_the_restrictions_bind_from_the_environment() {
        var open = bind(Map.of()).signIn();
        assertThat(open.policy()).isEqualTo(org.noticeboard.member.SignInPolicy.open());
        assertThat(open.groupClaim()).isEqualTo("groups");

        // the operating system's environment, as Spring reads it (by that source's name)
        var restrictedAll = new Binder(org.springframework.boot.context.properties.source.ConfigurationPropertySources.from(
                new org.springframework.core.env.SystemEnvironmentPropertySource("systemEnvironment", Map.of(
                        "NOTICEBOARD_SIGN_IN_ALLOWED_EMAIL_DOMAINS", "nhs.net,Northshire.nhs.uk",
                        "NOTICEBOARD_SIGN_IN_REQUIRED_GROUP", "noticeboard-users",
                        "NOTICEBOARD_SIGN_IN_GROUP_CLAIM", "roles"))))
                .bindOrCreate("noticeboard", NoticeboardProperties.class);
        var restricted = restrictedAll.signIn();
        assertThat(restricted.policy().allowedEmailDomains()).containsExactly("nhs.net", "northshire.nhs.uk");
        assertThat(restricted.policy().requiredGroup()).isEqualTo("noticeboard-users");
        assertThat(restricted.groupClaim()).isEqualTo("roles");
    }
}
