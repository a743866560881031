package org.huimin.identity.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates {@link MatchRules#febrl()} on a FEBRL data set with ground truth in its record ids ({@code rec-N-org},
 * {@code rec-N-dup-K} are entity N; the ids are used only for scoring, never for matching). Prints
 * {@code febrl_precision}, {@code febrl_recall}, {@code febrl_f1} and {@code febrl_records_per_s}, pairwise without
 * transitive closure (see {@link LinkageEvaluation}).
 *
 * <pre>java ... org.huimin.identity.matching.FebrlEvaluation ../shared/data/febrl/dataset3.csv</pre>
 */
public final class FebrlEvaluation {

    /** Timed runs after the warm-up; the best counts. */
    static final int RUNS = 7;

    private FebrlEvaluation() {
    }

    /** A FEBRL file's records and, by record id, their true entity. */
    record Data(List<PersonRecord> records, Map<String, String> entityOf) {
    }

    /** Reads a FEBRL CSV: a header of field names, then comma-separated values with optional leading spaces. */
    static Data read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] header = lines.get(0).split(",", -1);
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].strip();
        }
        List<PersonRecord> records = new ArrayList<>(lines.size());
        Map<String, String> entityOf = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] values = line.split(",", -1);
            String id = values[0].strip();
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 1; i < header.length && i < values.length; i++) {
                fields.put(header[i], values[i].strip());
            }
            records.add(PersonRecord.of(id, fields));
            entityOf.put(id, id.split("-")[1]);
        }
        return new Data(records, entityOf);
    }

    /** Runs the FEBRL rules on a file and scores them. */
    public static LinkageEvaluation.Metrics evaluate(Path csv) {
        Data data = read(csv);
        return LinkageEvaluation.evaluate(new MatchEngine(MatchRules.febrl()), data.records(), data.entityOf(), RUNS);
    }

    public static void main(String[] args) {
        Path csv = Path.of(args.length > 0 ? args[0] : "../shared/data/febrl/dataset3.csv");
        System.out.print(evaluate(csv).lines("febrl"));
    }
}
