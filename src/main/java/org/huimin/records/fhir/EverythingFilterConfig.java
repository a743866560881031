package org.huimin.records.fhir;

import ca.uhn.fhir.context.FhirContext;

import org.huimin.identity.FhirPatients;
import org.huimin.records.internal.RecordReader;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link EverythingFilter} (Patient paths) and {@link ExportFilter} (bulk export) after the security filters,
 * in front of HAPI's servlet.
 */
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

    @Bean
    FilterRegistrationBean<ExportFilter> exportFilter(org.huimin.records.internal.BulkExport export, FhirContext fhir,
            MessageSource messages) {
        FilterRegistrationBean<ExportFilter> registration = new FilterRegistrationBean<>(
                new ExportFilter(export, fhir, messages));
        registration.addUrlPatterns("/fhir/r4/*");
        registration.setOrder(1);
        registration.setName("fhirBulkExport");
        return registration;
    }
}
