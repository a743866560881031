/**
 * FHIR R4 endpoint (互联互通): a HAPI RestfulServer at {@code /fhir/r4} that serves the resource providers every
 * module contributes as beans of type {@code IResourceProvider}, with a generated CapabilityStatement.
 */
@org.springframework.modulith.ApplicationModule(displayName = "FHIR endpoint")
package org.huimin.fhir;
