/**
 * The caseload room's trusted cores and boundary checks, for sibling rooms only (not the package's
 * public face). Naming rule as in every room's internal.ts: a function ending in `Unchecked` trusts
 * its input; the checks here run once on input a sibling has not parsed.
 */
export { checkOrganisationCaseload, organisationCaseloadUnchecked, type PractitionerOfCaseload } from './organisation.js';
