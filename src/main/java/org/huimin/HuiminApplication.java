package org.huimin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Huimin (惠民): the regional Internet + Healthcare platform, one modular monolith. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class HuiminApplication {

    public static void main(String[] args) {
        SpringApplication.run(HuiminApplication.class, args);
    }
}
