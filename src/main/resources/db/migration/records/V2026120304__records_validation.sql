-- Profile validation of stored resources in the background (FhirInstanceValidator, offline): the outcome per resource
-- version. NULL = waiting; a changed resource is validated again.
alter table rec_resource add column validation varchar(8);
alter table rec_resource add column validation_issues varchar(2000);
alter table rec_resource add column validated_at timestamp with time zone;
create index rec_resource_validation_idx on rec_resource (validation, last_updated);
