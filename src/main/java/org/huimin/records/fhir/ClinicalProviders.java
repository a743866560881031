package org.huimin.records.fhir;

import org.huimin.records.internal.RecordReader;
import org.springframework.stereotype.Component;

/** The stored resource types, one HAPI provider each (HAPI binds providers by concrete type). */
final class ClinicalProviders {

    private ClinicalProviders() {
    }

    @Component
    static class EncounterProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Encounter> {
        EncounterProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Encounter.class);
        }
    }

    @Component
    static class ConditionProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Condition> {
        ConditionProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Condition.class);
        }
    }

    @Component
    static class ObservationProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Observation> {
        ObservationProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Observation.class);
        }
    }

    @Component
    static class DiagnosticReportProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.DiagnosticReport> {
        DiagnosticReportProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.DiagnosticReport.class);
        }
    }

    @Component
    static class ImagingStudyProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.ImagingStudy> {
        ImagingStudyProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.ImagingStudy.class);
        }
    }

    @Component
    static class ProcedureProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Procedure> {
        ProcedureProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Procedure.class);
        }
    }

    @Component
    static class MedicationRequestProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.MedicationRequest> {
        MedicationRequestProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.MedicationRequest.class);
        }
    }

    @Component
    static class MedicationDispenseProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.MedicationDispense> {
        MedicationDispenseProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.MedicationDispense.class);
        }
    }

    @Component
    static class MedicationAdministrationProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.MedicationAdministration> {
        MedicationAdministrationProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.MedicationAdministration.class);
        }
    }

    @Component
    static class MedicationStatementProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.MedicationStatement> {
        MedicationStatementProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.MedicationStatement.class);
        }
    }

    @Component
    static class ImmunizationProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Immunization> {
        ImmunizationProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Immunization.class);
        }
    }

    @Component
    static class AllergyIntoleranceProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.AllergyIntolerance> {
        AllergyIntoleranceProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.AllergyIntolerance.class);
        }
    }

    @Component
    static class CarePlanProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.CarePlan> {
        CarePlanProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.CarePlan.class);
        }
    }

    @Component
    static class CareTeamProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.CareTeam> {
        CareTeamProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.CareTeam.class);
        }
    }

    @Component
    static class GoalProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Goal> {
        GoalProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Goal.class);
        }
    }

    @Component
    static class DocumentReferenceProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.DocumentReference> {
        DocumentReferenceProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.DocumentReference.class);
        }
    }

    @Component
    static class ServiceRequestProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.ServiceRequest> {
        ServiceRequestProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.ServiceRequest.class);
        }
    }

    @Component
    static class ClaimProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Claim> {
        ClaimProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Claim.class);
        }
    }

    @Component
    static class ExplanationOfBenefitProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.ExplanationOfBenefit> {
        ExplanationOfBenefitProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.ExplanationOfBenefit.class);
        }
    }

    @Component
    static class CoverageProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Coverage> {
        CoverageProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Coverage.class);
        }
    }

    @Component
    static class ProvenanceProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Provenance> {
        ProvenanceProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Provenance.class);
        }
    }

    @Component
    static class DeviceProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Device> {
        DeviceProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Device.class);
        }
    }

    @Component
    static class SupplyDeliveryProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.SupplyDelivery> {
        SupplyDeliveryProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.SupplyDelivery.class);
        }
    }

    @Component
    static class FamilyMemberHistoryProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.FamilyMemberHistory> {
        FamilyMemberHistoryProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.FamilyMemberHistory.class);
        }
    }

    @Component
    static class RiskAssessmentProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.RiskAssessment> {
        RiskAssessmentProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.RiskAssessment.class);
        }
    }

    @Component
    static class SpecimenProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.Specimen> {
        SpecimenProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.Specimen.class);
        }
    }

    @Component
    static class ClinicalImpressionProvider extends ClinicalResourceProvider<org.hl7.fhir.r4.model.ClinicalImpression> {
        ClinicalImpressionProvider(RecordReader reader) {
            super(reader, org.hl7.fhir.r4.model.ClinicalImpression.class);
        }
    }
}
