package org.noticeboard.app;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.noticeboard.db.EmbeddedPostgresServer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database: the server {@code noticeboard.database.url} names (production), or else a
 * PostgreSQL the portal runs itself, keeping its data in {@code noticeboard.data-dir/pgdata}.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String EMBEDDED_DATABASE = "noticeboard";
    /**
     * How long a request waits for a connection before it gives up. Queries take milliseconds, so
     * waiting longer only happens when the database is out of reach (stopped, restarting, the
     * network down): then the member is told so after 5 s instead of a half-minute spinner.
     */
    static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${noticeboard.database.url:}'.isBlank()")
    EmbeddedPostgresServer embeddedPostgres(NoticeboardProperties properties) {
        var server = EmbeddedPostgresServer.start(properties.dataDir().resolve("pgdata"), 0);
        try (var connection = DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "");
                var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + EMBEDDED_DATABASE + "'");
            if (!exists.next()) {
                statement.execute("create database " + EMBEDDED_DATABASE);
            }
        } catch (SQLException e) {
            server.close();
            throw new IllegalStateException("Could not create the portal's database in the embedded PostgreSQL", e);
        }
        return server;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(NoticeboardProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        var dataSource = new HikariDataSource();
        dataSource.setPoolName("noticeboard");
        var database = properties.database();
        if (database.embedded()) {
            dataSource.setJdbcUrl(embedded.getObject().jdbcUrl(EMBEDDED_DATABASE));
            dataSource.setUsername("postgres");
        } else {
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
        }
        dataSource.setMaximumPoolSize(20);
        // when the database is away, people are told so after this long rather than Hikari's 30 s
        dataSource.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        return dataSource;
    }
}
