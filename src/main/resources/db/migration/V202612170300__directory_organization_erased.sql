-- Issue 17: when a provider was erased at its request. A council's feed that still lists it does not bring
-- it back: the import leaves its services out, with a warning.
ALTER TABLE directory_organization ADD COLUMN erased_at TIMESTAMPTZ;
