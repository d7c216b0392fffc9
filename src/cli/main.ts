#!/usr/bin/env node
/**
 * The runner behind `npm start`: for now, the capacity report of the built-in sample team.
 * The only place in the library that writes to the terminal.
 */
import { SAMPLE_TEAM } from '../workload/index.js';
import { teamCapacityReport } from './team-report.js';

process.stdout.write(teamCapacityReport(SAMPLE_TEAM));
