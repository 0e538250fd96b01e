package org.noticeboard.stakeholder;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jooq.DSLContext;
import org.noticeboard.access.Role;
import org.noticeboard.followlist.FollowListService;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stakeholder directory at the sizes issue 6 names, through the services as a member calls
 * them (access checks included), on real PostgreSQL (the embedded one, or the server named by
 * noticeboard.test.database.url):
 * <ul>
 * <li>importing a CSV file of 10,000 rows end to end: read and check it, preview, commit (into the
 *     directory, and into the directory plus a follow list); target under 3 s;</li>
 * <li>searching a directory of 50,000 stakeholders: free text, a category, text within a region,
 *     each with its total count; target p95 under 30 ms.</li>
 * </ul>
 * Setup prints EXPLAIN ANALYZE's times for the search queries.
 * Run: ./mvnw -B -ntp -Pbench -pl db,portal-domain verify -DskipTests -Djmh.include=StakeholderBenchmark
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
public class StakeholderBenchmark {

    static final int DIRECTORY = 50_000;
    static final int IMPORT_ROWS = 10_000;

    static final List<String> TEXTS = List.of("smith", "leeds", "health board", "physio", "amelia tay", "mind");
    static final List<StakeholderCategory> CATEGORIES = List.of(StakeholderCategory.MP, StakeholderCategory.THINK_TANK,
            StakeholderCategory.CHARITY, StakeholderCategory.NHS_ORGANISATION);
    static final List<String[]> TEXT_AND_REGION = List.of(new String[] {"trust", "Yorkshire and the Humber"},
            new String[] {"smith", "London"}, new String[] {"university", "North West"}, new String[] {"care", "Wales"});

    ConfigurableApplicationContext context;
    TestCaller caller;
    World world;
    StakeholderService directory;
    StakeholderCsv csv;
    FollowListService lists;
    long reader;
    byte[] file;
    final AtomicInteger imports = new AtomicInteger();


    @Setup(Level.Trial)
    public void start() {
        context = new SpringApplicationBuilder(DomainTestApplication.class).web(WebApplicationType.NONE).run();
        caller = context.getBean(TestCaller.class);
        world = context.getBean(World.class);
        directory = context.getBean(StakeholderService.class);
        csv = context.getBean(StakeholderCsv.class);
        lists = context.getBean(FollowListService.class);
        DSLContext db = context.getBean(DSLContext.class);
        World.Org trust = world.organisation("Bench Directory Trust");
        reader = trust.member(Role.STAFF);
        seed(db, trust.organisation().id());
        db.execute("analyze");
        var repository = context.getBean(StakeholderRepository.class);
        for (var query : List.of(StakeholderQuery.all().withText("smith"), StakeholderQuery.all().withText("health board"),
                StakeholderQuery.all().withCategory(StakeholderCategory.MP),
                StakeholderQuery.all().withText("trust").withRegion("Yorkshire and the Humber"))) {
            String sql = repository.searchSql(trust.organisation().id(), query, 0, 50);
            for (String explained : List.of(sql, sql.replaceFirst("(?s)select .*? from", "select count(*) from")
                    .replaceFirst("(?s) order by .*", ""))) {
                db.fetch("explain (analyze, format text) " + explained).stream().map(r -> r.get(0, String.class))
                        .filter(line -> line.contains("Execution Time"))
                        .forEach(line -> System.out.println("EXPLAIN ANALYZE " + query + (explained == sql ? " page: " : " count: ")
                                + line.strip()));
            }
        }
        file = importFile();
    }

    /** 50,000 people and organisations with names, handles, regions and topics such as a trust would keep. */
    static void seed(DSLContext db, long organisation) {
        db.execute("""
                insert into stakeholder (organisation_id, handle, name, category, region, topics, political, notes)
                select ?, left(regexp_replace(lower(n.name), '[^a-z]', '', 'g'), 9) || g, n.name, n.category,
                       (array['London','North East','North West','Yorkshire and the Humber','East Midlands','West Midlands',
                              'East of England','South East','South West','Wales','Scotland','Northern Ireland'])[1 + (g * 7) % 12],
                       array[(array['falls','frailty','workforce','funding','mental health','dementia','stroke','MSK',
                                    'digital','primary care','social care','children','maternity','cancer','diabetes',
                                    'carers','research','policy','quality','patient experience'])[1 + g % 20],
                             (array['rehabilitation','prevention','integration','waiting lists','health inequalities'])[1 + g % 5]],
                       n.category in ('MP', 'MINISTER', 'DEVOLVED_MEMBER'),
                       case when g % 3 = 0 then 'Met at the regional AHP conference' end
                from generate_series(1, ?) g
                cross join lateral (select case when g % 5 < 3 then
                    (array['Amelia','Oliver','Isla','George','Ava','Noah','Mia','Arthur','Ivy','Leo','Grace','Oscar','Freya',
                           'Harry','Lily','Jack','Rosie','Charlie','Sophia','Thomas','Priya','Mohammed','Aisha','Ravi','Siobhan',
                           'Dylan','Cerys','Fiona','Hamish','Niamh'])[1 + g % 30] || ' ' ||
                    (array['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Patel','Robinson','Wright',
                           'Thompson','Evans','Walker','White','Roberts','Green','Hall','Thomas','Clarke','Jackson','Wood',
                           'Harris','Edwards','Turner','Martin','Cooper','Hill','Ward','Hughes','Moore','Clark','King',
                           'Harrison','Lewis','Baker','Lee','Allen','Morris','Khan'])[1 + (g / 30) % 40]
                  else
                    (array['Leeds','Bradford','Sheffield','York','Hull','Newcastle','Sunderland','Durham','Manchester',
                           'Liverpool','Preston','Lancaster','Nottingham','Derby','Leicester','Birmingham','Coventry',
                           'Norwich','Cambridge','Oxford','Brighton','Kent','Bristol','Exeter','Plymouth','Cardiff','Swansea',
                           'Glasgow','Edinburgh','Belfast','Northshire','Southshire'])[1 + g % 32] || ' ' ||
                    (array['NHS Foundation Trust','Health Board','Integrated Care Board','Healthwatch','Carers Centre',
                           'Hospice','University','Patient Forum','Physiotherapy Network','Age UK','Mind',
                           'Community Health Trust','Research Unit','Chronicle','Health Think Tank'])[1 + (g / 32) % 15]
                  end as name,
                  case when g % 5 < 3 then
                    (array['MP','MINISTER','DEVOLVED_MEMBER','ACADEMIC','AHP_LEADER','MEDIA','OTHER'])[1 + g % 7]
                  else
                    (array['NHS_ORGANISATION','ICB_HEALTH_BOARD','ICB_HEALTH_BOARD','PATIENT_GROUP','CHARITY','CHARITY',
                           'ACADEMIC','PATIENT_GROUP','PROFESSIONAL_BODY','CHARITY','CHARITY','NHS_ORGANISATION',
                           'ACADEMIC','MEDIA','THINK_TANK'])[1 + (g / 32) % 15]
                  end as category) n
                """, organisation, DIRECTORY);
    }

    /** A file as a department would bring it: handle, name, category label, region, topics and notes. */
    static byte[] importFile() {
        var text = new StringBuilder("Twitter handle,Full name,Category,Region,Topics,Notes\n");
        var categories = StakeholderCategory.values();
        for (int i = 0; i < IMPORT_ROWS; i++) {
            var category = categories[i % categories.length];
            text.append("@imp_").append(i).append(",\"Imported stakeholder ").append(i).append(", ")
                    .append(category.label()).append("\",").append(category.label()).append(",Region ").append(i % 12)
                    .append(",falls; frailty | workforce,\"Met at the network meeting, ").append(2000 + i % 25).append("\"\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Per import: a fresh organisation, so every row of the file is new, with its curator and a list. */
    @State(Scope.Thread)
    public static class Importer {

        long curator;
        long list;

        @Setup(Level.Invocation)
        public void freshOrganisation(StakeholderBenchmark bench) {
            World.Org org = bench.world.organisation("Bench Import " + bench.imports.incrementAndGet());
            curator = org.member(Role.CURATOR);
            list = bench.caller.as(curator, () -> bench.lists.create(null, "Imported", null, null)).id();
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public CsvImportResult importTenThousandRows(Importer importer) {
        return caller.as(importer.curator, () -> {
            CsvPreview preview = csv.preview(file, null);
            return csv.commit(preview.token(), null);
        });
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 3)
    @Measurement(iterations = 8)
    public CsvImportResult importTenThousandRowsIntoAList(Importer importer) {
        return caller.as(importer.curator, () -> {
            CsvPreview preview = csv.preview(file, importer.list);
            return csv.commit(preview.token(), null);
        });
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public StakeholderPage searchFreeText() {
        String text = TEXTS.get(ThreadLocalRandom.current().nextInt(TEXTS.size()));
        return caller.as(reader, () -> directory.search(StakeholderQuery.all().withText(text), 0, 50));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public StakeholderPage searchCategory() {
        var category = CATEGORIES.get(ThreadLocalRandom.current().nextInt(CATEGORIES.size()));
        return caller.as(reader, () -> directory.search(StakeholderQuery.all().withCategory(category), 0, 50));
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @Warmup(iterations = 3, time = 2)
    @Measurement(iterations = 5, time = 3)
    public StakeholderPage searchTextAndRegion() {
        String[] query = TEXT_AND_REGION.get(ThreadLocalRandom.current().nextInt(TEXT_AND_REGION.size()));
        return caller.as(reader, () -> directory.search(StakeholderQuery.all().withText(query[0]).withRegion(query[1]),
                0, 50));
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
    }
}
