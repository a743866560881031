package org.huimin.identity.matching;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's {@link MatchEngine}, built from {@link MatchingProperties} ({@link MatchRules#chineseResidents()}
 * when nothing is configured). Invalid rules fail the start with the offending property named.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
public class MatchingConfiguration {

    /** Backs off when the application defines its own engine. */
    @Bean
    @ConditionalOnMissingBean(MatchEngine.class)
    MatchEngine matchEngine(MatchingProperties properties) {
        return new MatchEngine(properties.toRules());
    }
}
