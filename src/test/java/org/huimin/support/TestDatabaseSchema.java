package org.huimin.support;

import java.util.Map;
import java.util.UUID;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Under the {@code test-postgres} profile, points each test context at its own new schema, which Flyway creates, so
 * that the whole suite runs on PostgreSQL as it does on a fresh H2 database.
 */
public class TestDatabaseSchema implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (!env.matchesProfiles("test-postgres")) {
            return;
        }
        String schema = "hm_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = env.getProperty("spring.datasource.url");
        dropAtExit(url, env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"),
                schema);
        String separator = url.contains("?") ? "&" : "?";
        env.getPropertySources().addFirst(new MapPropertySource("huiminTestSchema", Map.of(
                "spring.datasource.url", url + separator + "currentSchema=" + schema,
                "spring.flyway.schemas", schema,
                "spring.flyway.default-schema", schema,
                "spring.flyway.create-schemas", "true")));
    }

    /** Drops the schema when the test JVM ends, so repeated runs leave no schemas behind. */
    private static void dropAtExit(String url, String user, String password, String schema) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (var connection = java.sql.DriverManager.getConnection(url, user, password);
                    var statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + schema + " cascade");
            } catch (java.sql.SQLException e) {
                System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
            }
        }, "drop-" + schema));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
