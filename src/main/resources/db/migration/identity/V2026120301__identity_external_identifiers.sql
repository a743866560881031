-- Identifiers of institutions' systems (FHIR Patient.identifier with the sender's own system URI) are kept as
-- EXTERNAL documents whose issuer is that URI; URIs are longer than the institution codes issuer was sized for.
alter table identity_document alter column issuer set data type varchar(255);
