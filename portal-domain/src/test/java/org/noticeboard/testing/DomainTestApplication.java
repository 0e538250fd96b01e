package org.noticeboard.testing;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.noticeboard.db.testing.TestDatabases;
import org.noticeboard.shared.DomainConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/** The domain on a fresh PostgreSQL database, with the caller set by {@link TestCaller}. */
@SpringBootApplication(scanBasePackages = "org.noticeboard.testing")
@Import(DomainConfiguration.class)
public class DomainTestApplication {

    @Bean(destroyMethod = "close")
    DataSource dataSource() {
        var database = TestDatabases.create();
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(8);
        return dataSource;
    }

    @Bean
    @org.springframework.context.annotation.Primary
    CapturedMail capturedMail() {
        return new CapturedMail();
    }

    @Bean
    @org.springframework.context.annotation.Primary
    ShiftableClock shiftableClock() {
        return new ShiftableClock();
    }

    @Bean
    FakeX fakeX(ShiftableClock clock) {
        return new FakeX(clock);
    }

    @Bean
    FakeTokens fakeTokens() {
        return new FakeTokens();
    }

    @Bean
    TestCaller testCaller() {
        return new TestCaller();
    }
}
