package org.noticeboard.bench;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.noticeboard.db.testing.TestDatabases;

/** A fresh PostgreSQL database for a benchmark, migrated to the current schema. */
public final class BenchDatabase {

    private BenchDatabase() {}

    /** A new throw-away database (embedded, or on the server named by noticeboard.test.database.url), migrated. */
    public static HikariDataSource migrated() {
        var database = TestDatabases.create();
        var dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.url());
        dataSource.setUsername(database.username());
        dataSource.setPassword(database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        return dataSource;
    }
}
