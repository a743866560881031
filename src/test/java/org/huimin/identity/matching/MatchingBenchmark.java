package org.huimin.identity.matching;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Record linkage throughput. The deduplication benchmarks count one operation per record ({@code records/s}), over
 * the whole pipeline: normalisation and pinyin, blocking, comparison. FEBRL data set 3 is read from
 * {@code ../shared/data/febrl/dataset3.csv}; when it is missing, that benchmark runs on generated Chinese records
 * instead and says so on stderr.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MatchingBenchmark {

    /** Records per deduplication run: FEBRL data set 3 has exactly this many. */
    static final int RECORDS = 5000;

    private MatchEngine febrl = new MatchEngine(MatchRules.febrl());
    private final MatchEngine chinese = new MatchEngine(MatchRules.chineseResidents());
    private List<PersonRecord> febrlRecords;
    private List<PersonRecord> chineseRecords;
    private PersonRecord left;
    private PersonRecord right;

    @Setup
    public void setUp() {
        chineseRecords = new ChineseRecordGenerator(7).generate(RECORDS).records().subList(0, RECORDS);
        if (Files.isRegularFile(FebrlEvaluationTest.DATASET)) {
            febrlRecords = FebrlEvaluation.read(FebrlEvaluationTest.DATASET).records();
        } else {
            System.err.println("MatchingBenchmark: " + FebrlEvaluationTest.DATASET
                    + " missing, deduplicateFebrl runs on generated Chinese records");
            febrl = null;
            febrlRecords = chineseRecords;
        }
        left = PersonRecord.resident("a").name("张丽华").birthDate("1986-07-30").sex("女").phone("13812345678")
                .address("富源县中安街道红旗社区居委会红旗路12号3栋2单元501室").build();
        right = PersonRecord.resident("b").name("张力花").birthDate("1986/30/7").sex("F").phone("+86 138 1234 5678")
                .address("中安红旗社区红旗路12号3-2-501").build();
    }

    /** FEBRL data set 3 with the FEBRL rules, records/s. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public LinkageRun deduplicateFebrl() {
        return (febrl != null ? febrl : chinese).deduplicate(febrlRecords);
    }

    /** 5,000 generated Chinese resident records with the default rules, records/s. */
    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public LinkageRun deduplicateChineseResidents() {
        return chinese.deduplicate(chineseRecords);
    }

    /** One full comparison with the per-field detail, as the review screen asks for it (normalisation included). */
    @Benchmark
    public MatchResult compareChineseResidents() {
        return chinese.compare(left, right);
    }
}
