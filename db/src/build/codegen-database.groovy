// Starts a throw-away PostgreSQL, applies the Flyway migrations and hands its URL to jOOQ's
// code generator (next execution in the same phase); a later execution stops the server.
//
// When the migrations and this module's pom are what the classes in target/ were generated from
// (a stamp written after generation), nothing is started and jOOQ is skipped: a Java-only change
// then builds without a PostgreSQL start and a code generation run.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import java.security.MessageDigest
import org.flywaydb.core.Flyway

def migrations = new File(project.basedir, 'src/main/resources/db/migration')
def generated = new File(project.build.directory, 'generated-sources/jooq')
def stamp = new File(project.build.directory, 'jooq-codegen.sha256')

def digest = MessageDigest.getInstance('SHA-256')
def inputs = (migrations.listFiles()?.findAll { it.isFile() } ?: []).sort { it.name } + [project.file]
inputs.each { file ->
    digest.update(file.name.getBytes('UTF-8'))
    digest.update(file.bytes)
}
def hash = digest.digest().encodeHex().toString()
project.setContextValue('noticeboard.codegen.hash', hash)

if (stamp.isFile() && stamp.text.trim() == hash && generated.isDirectory()) {
    project.properties.setProperty('jooq.codegen.skip', 'true')
    project.addCompileSourceRoot(generated.path)
    log.info('jOOQ classes are up to date with the migrations: code generation skipped')
    return
}
stamp.delete()

def pg = EmbeddedPostgres.builder().start()

def url = pg.getJdbcUrl('postgres', 'postgres')
Flyway.configure(this.class.classLoader)
    .dataSource(url, 'postgres', null)
    .locations("filesystem:${migrations}")
    .load()
    .migrate()
project.properties.setProperty('noticeboard.codegen.url', url)
// stopped by the stop-codegen-database execution once jOOQ has generated
project.setContextValue('noticeboard.codegen.server', pg)
log.info("jOOQ code generation database migrated at ${url}")
