/** Practitioner grades the WMT weighs. */
import { z } from 'zod';
import { deepFreeze } from '../freeze.js';

/**
 * Grades: Probation Officer, Probation Services Officer, trainee on the Professional Qualification
 * in Probation, newly qualified officer, Senior Probation Officer. PQiP and NQO are Probation Officer
 * grades for default hours and nominal target; their lighter load comes from reductions.
 */
export const GRADES = deepFreeze(['PO', 'PSO', 'PQiP', 'NQO', 'SPO'] as const);
/** One of {@link GRADES}. */
export type Grade = (typeof GRADES)[number];

/** Zod schema for a grade. */
export const gradeSchema = z.enum(GRADES, { error: () => `expected a grade: ${GRADES.join(', ')}` });
