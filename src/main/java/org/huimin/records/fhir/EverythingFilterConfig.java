package org.huimin.records.fhir;

import ca.uhn.fhir.context.FhirContext;

import org.huimin.identity.FhirPatients;
import org.huimin.records.internal.RecordReader;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link EverythingFilter} after the security filters, for the Patient paths of the FHIR endpoint only. */
@Configuration(proxyBeanMethods = false)
class EverythingFilterConfig {

    @Bean
    FilterRegistrationBean<EverythingFilter> everythingFilter(RecordReader reader, FhirPatients patients,
            FhirContext fhir, MessageSource messages) {
        FilterRegistrationBean<EverythingFilter> registration = new FilterRegistrationBean<>(
                new EverythingFilter(reader, patients, fhir, messages));
        registration.addUrlPatterns("/fhir/r4/Patient/*");
        registration.setOrder(0);
        registration.setName("fhirEverything");
        return registration;
    }
}
