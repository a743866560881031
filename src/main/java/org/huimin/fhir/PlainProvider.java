package org.huimin.fhir;

/**
 * Marks a bean that holds FHIR operations not tied to one resource provider (system-level {@code transaction} and
 * {@code batch}, or type-level operations such as {@code Patient/$everything} contributed by a module that does not
 * own the type). The endpoint registers every such bean as a HAPI plain provider.
 */
public interface PlainProvider {
}
