package org.huimin.notification.internal;

import org.huimin.notification.SmsGateway;
import org.huimin.shared.privacy.PersonalDataCipher;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class NotificationConfig {

    @Bean
    @ConditionalOnMissingBean(SmsGateway.class)
    SmsGateway devSmsGateway(JdbcClient jdbc, PersonalDataCipher cipher) {
        return new DevSmsGateway(jdbc, cipher);
    }
}
