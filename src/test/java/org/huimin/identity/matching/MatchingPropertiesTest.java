package org.huimin.identity.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

class MatchingPropertiesTest {

    private static MatchingProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bind("huimin.identity.matching", MatchingProperties.class).orElseGet(MatchingProperties::new);
    }

    @Test
    void nothingConfiguredMeansTheChineseResidentRules() {
        assertThat(new MatchingProperties().toRules()).isEqualTo(MatchRules.chineseResidents());
        assertThat(bind(Map.of()).toRules()).isEqualTo(MatchRules.chineseResidents());
        assertThat(new MatchingConfiguration().matchEngine(new MatchingProperties()).rules())
                .isEqualTo(MatchRules.chineseResidents());
    }

    @Test
    void bindsTheDocumentedYamlExample() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("example", new ClassPathResource("matching/matching-example.yml"));
        MatchRules rules = new Binder(ConfigurationPropertySources.from(sources))
                .bind("huimin.identity.matching", MatchingProperties.class).get().toRules();
        assertThat(rules.matchThreshold()).isEqualTo(16);
        assertThat(rules.possibleThreshold()).isEqualTo(8);
        assertThat(rules.maxBlockSize()).isEqualTo(500);
        assertThat(rules.blockingKeys()).map(BlockingKey::spec)
                .isEqualTo(MatchRules.chineseResidents().blockingKeys().stream().map(BlockingKey::spec).toList());
        assertThat(rules.fields()).hasSize(7);
        assertThat(rules.fields().subList(0, 6)).isEqualTo(MatchRules.chineseResidents().fields());
        assertThat(rules.fields().get(6)).isEqualTo(FieldRule.of("householdRegister", ComparatorKind.JARO_WINKLER,
                0.8, 0.01));
    }

    @Test
    void overridesOnlyWhatIsSet() {
        MatchRules rules = bind(Map.of("huimin.identity.matching.preset", "febrl",
                "huimin.identity.matching.match-threshold", "20")).toRules();
        assertThat(rules.fields()).isEqualTo(MatchRules.febrl().fields());
        assertThat(rules.matchThreshold()).isEqualTo(20);
        assertThat(rules.possibleThreshold()).isEqualTo(MatchRules.febrl().possibleThreshold());
    }

    @Test
    void namesTheOffendingProperty() {
        MatchingProperties incomplete = bind(Map.of("huimin.identity.matching.fields[0].name", "name",
                "huimin.identity.matching.fields[0].comparator", "PINYIN_NAME"));
        assertThatThrownBy(incomplete::toRules).hasMessageContaining("huimin.identity.matching.fields[0]");
        MatchingProperties inverted = bind(Map.of("huimin.identity.matching.fields[0].name", "name",
                "huimin.identity.matching.fields[0].comparator", "pinyin-name",
                "huimin.identity.matching.fields[0].m", "0.001", "huimin.identity.matching.fields[0].u", "0.9"));
        assertThatThrownBy(inverted::toRules).hasMessageContaining("fields[0]").hasMessageContaining("u < m");
        MatchingProperties badKey = bind(Map.of("huimin.identity.matching.blocking-keys[0]", "metaphone(name)"));
        assertThatThrownBy(badKey::toRules).hasMessageContaining("metaphone");
    }

    @Test
    void configurationExposesAnEngineFromTheProperties() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(MatchingConfiguration.class);
        runner.run(context -> assertThat(context.getBean(MatchEngine.class).rules())
                .isEqualTo(MatchRules.chineseResidents()));
        runner.withPropertyValues("huimin.identity.matching.match-threshold=18",
                "huimin.identity.matching.blocking-keys=phone")
                .run(context -> {
                    MatchRules rules = context.getBean(MatchEngine.class).rules();
                    assertThat(rules.matchThreshold()).isEqualTo(18);
                    assertThat(rules.blockingKeys()).containsExactly(BlockingKey.parse("phone"));
                });
        runner.withPropertyValues("huimin.identity.matching.blocking-keys=soundex()")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void configurationBacksOffForAnEngineOfTheApplication() {
        new ApplicationContextRunner().withUserConfiguration(OwnEngine.class, MatchingConfiguration.class)
                .run(context -> assertThat(context.getBean(MatchEngine.class).rules())
                        .isEqualTo(MatchRules.febrl()));
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnEngine {

        @Bean
        MatchEngine matchEngine() {
            return new MatchEngine(MatchRules.febrl());
        }
    }
}
