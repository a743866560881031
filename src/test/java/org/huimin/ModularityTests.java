package org.huimin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure and writes the generated module documentation to docs/modules: PlantUML sources
 * from Spring Modulith's Documenter, rendered to PNG (PlantUML's pure-Java layout, no Graphviz needed).
 */
class ModularityTests {

    private static final Path DOCS = Path.of("docs/modules");
    private final ApplicationModules modules = ApplicationModules.of(HuiminApplication.class);

    @Test
    void verifiesModularStructure() {
        modules.verify();
    }

    @Test
    void writesDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(DOCS.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        List<Path> sources;
        try (Stream<Path> files = Files.list(DOCS)) {
            sources = files.filter(p -> p.toString().endsWith(".puml")).toList();
        }
        for (Path source : sources) {
            String stable = sortedRuns(Files.readString(source));
            Files.writeString(source, stable);
            String text = stable.replaceFirst("@startuml", "@startuml\n!pragma layout smetana");
            Path image = DOCS.resolve(source.getFileName().toString().replace(".puml", ".png"));
            try (OutputStream out = Files.newOutputStream(image)) {
                new SourceStringReader(text).outputImage(out, new FileFormatOption(FileFormat.PNG));
            }
        }
    }

    /**
     * The Documenter lists components and relations in classpath order, which differs between machines; sorting each
     * run of {@code Component(}/{@code Rel(} lines makes the committed diagrams change only when the modules do.
     */
    static String sortedRuns(String puml) {
        List<String> out = new java.util.ArrayList<>();
        List<String> run = new java.util.ArrayList<>();
        String runKind = null;
        for (String line : puml.split("\n", -1)) {
            String kind = line.strip().startsWith("Rel(") ? "Rel" : line.strip().startsWith("Component(") ? "Component" : null;
            if (kind == null || !kind.equals(runKind)) {
                run.sort(null);
                out.addAll(run);
                run.clear();
            }
            runKind = kind;
            if (kind == null) {
                out.add(line);
            } else {
                run.add(line);
            }
        }
        run.sort(null);
        out.addAll(run);
        return String.join("\n", out);
    }
}
