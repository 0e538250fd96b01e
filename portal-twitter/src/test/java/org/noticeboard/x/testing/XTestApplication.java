package org.noticeboard.x.testing;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.shared.DomainConfiguration;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.x.XIntegrationConfiguration;
import org.noticeboard.x.oauth.XConnectController;
import org.noticeboard.x.sandbox.XSandboxConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The portal minus its UI, on a real web server: the domain, the X integration and (when
 * {@code noticeboard.x.sandbox.enabled}) the X sandbox. Members sign in with HTTP Basic as their
 * member id (password {@value #PASSWORD}); tests may also call the domain as a member with
 * {@link TestCaller}. {@code test.database.url} makes a second instance share the first one's database.
 */
@SpringBootApplication(scanBasePackages = "org.noticeboard.x.testing")
@Import({DomainConfiguration.class, XIntegrationConfiguration.class, XConnectController.class,
        XSandboxConfiguration.class})
public class XTestApplication {

    public static final String PASSWORD = "pw";

    @Bean(destroyMethod = "close")
    DataSource dataSource(@Value("${test.database.url:}") String sharedUrl,
            @Value("${test.database.username:}") String sharedUser, @Value("${test.database.password:}") String sharedPassword) {
        var dataSource = new HikariDataSource();
        if (sharedUrl.isBlank()) {
            var database = TestDatabases.create();
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
        } else {
            dataSource.setJdbcUrl(sharedUrl);
            dataSource.setUsername(sharedUser);
            dataSource.setPassword(sharedPassword);
        }
        dataSource.setMaximumPoolSize(16);
        // the test contexts stay cached: idle, each keeps two connections, not sixteen (on a shared server,
        // sixteen a context ran into its max_connections)
        dataSource.setMinimumIdle(2);
        // as the portal's own pool (DatabaseConfiguration): no connection within 5 s means the database is away
        dataSource.setConnectionTimeout(5_000);
        return dataSource;
    }

    /**
     * {@code test.clock.shift} starts the clock that far ahead: an instance started again during a
     * test whose time was moved on (a restart) carries on at the test's time, not at the real one.
     */
    @Bean
    @Primary
    ShiftableClock shiftableClock(@Value("${test.clock.shift:PT0S}") java.time.Duration shift) {
        var clock = new ShiftableClock();
        clock.advance(shift);
        return clock;
    }

    @Bean
    TestCaller testCaller() {
        return new TestCaller() {
            @Override
            public Optional<Long> memberId() {
                Optional<Long> set = super.memberId();
                if (set.isPresent()) {
                    return set;
                }
                Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
                if (authentication == null || !authentication.isAuthenticated()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(Long.parseLong(authentication.getName()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        };
    }

    @Bean
    UserDetailsService members() {
        return username -> {
            if (!username.matches("\\d+")) {
                throw new UsernameNotFoundException("Sign in with a member id");
            }
            return User.withUsername(username).password("{noop}" + PASSWORD).authorities(List.of()).build();
        };
    }

    /** The sandbox authenticates its own callers (client credentials, bearer tokens): no portal sign-in there. */
    @Bean
    @org.springframework.core.annotation.Order(1)
    SecurityFilterChain sandbox(HttpSecurity http) throws Exception {
        http.securityMatcher("/x-sandbox/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @org.springframework.core.annotation.Order(2)
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        http.httpBasic(basic -> { });
        return http.build();
    }
}
