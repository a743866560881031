package org.huimin.scheduling.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SchedulingProperties.class, BookingBatchProperties.class})
class SchedulingConfiguration {
}
