package org.noticeboard.x.gateway;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.noticeboard.db.testing.TestDatabases;

/** One migrated PostgreSQL database for this module's tests; each test empties x_rate_limit first. */
final class RateLimitDatabase {

    private static DSLContext db;

    private RateLimitDatabase() {}

    static synchronized DSLContext db() {
        if (db == null) {
            var database = TestDatabases.create();
            var dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(database.url());
            dataSource.setUsername(database.username());
            dataSource.setPassword(database.password());
            dataSource.setMaximumPoolSize(12);
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            Runtime.getRuntime().addShutdownHook(new Thread(dataSource::close));
            db = DSL.using(dataSource, SQLDialect.POSTGRES);
        }
        return db;
    }

    static DSLContext emptied() {
        DSLContext context = db();
        context.execute("truncate x_rate_limit");
        return context;
    }
}
