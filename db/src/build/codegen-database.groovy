// Starts a throw-away PostgreSQL, applies the Flyway migrations and hands its URL to jOOQ's
// code generator (next execution in the same phase); a later execution stops the server.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import org.flywaydb.core.Flyway

def pg = EmbeddedPostgres.builder().start()

def url = pg.getJdbcUrl('postgres', 'postgres')
Flyway.configure(this.class.classLoader)
    .dataSource(url, 'postgres', null)
    .locations("filesystem:${project.basedir}/src/main/resources/db/migration")
    .load()
    .migrate()
project.properties.setProperty('noticeboard.codegen.url', url)
// stopped by the stop-codegen-database execution once jOOQ has generated
project.setContextValue('noticeboard.codegen.server', pg)
log.info("jOOQ code generation database migrated at ${url}")
