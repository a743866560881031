package org.huimin.shared;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code huimin.data-dir} (default {@code ./data}) to an absolute, normalised path and publishes it as
 * {@code huimin.data-path}: H2 refuses implicitly relative file URLs, and every component should agree on one folder.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    public static final String PROPERTY = "huimin.data-path";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty("huimin.data-dir", "./data");
        Path path = Path.of(dir).toAbsolutePath().normalize();
        environment.getPropertySources().addFirst(new MapPropertySource("huiminDataPath",
                Map.of(PROPERTY, path.toString().replace('\\', '/'))));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
