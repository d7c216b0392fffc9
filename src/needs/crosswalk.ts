/**
 * The crosswalk from OASys need areas to the commissioned rehabilitative pathways (the Dynamic
 * Framework's contract types). No official mapping is published: the default maps by name and is
 * marked `derived`; every mapping is an input.
 */
import { z } from 'zod';
import { NEED_AREAS, type NeedArea } from '../tiers/index.js';
import { DAY_ONE_PATHWAYS } from '../contracts/index.js';
import { deepFreeze } from '../freeze.js';
import { parseInput } from '../validate.js';

/**
 * The commissioned pathways, as contract types of the referral service: the four of day one
 * (accommodation; ETE; personal wellbeing, covering lifestyle and associates, family and significant
 * others, emotional wellbeing and social inclusion; women's services) and the two commissioned as
 * their own later (finance, benefit and debt; dependency and recovery).
 */
export const COMMISSIONED_PATHWAYS = deepFreeze([...DAY_ONE_PATHWAYS, 'finance, benefit and debt', 'dependency and recovery'] as const);

/** Whether a crosswalk is published by HMPPS or derived by the analyst. */
export const CROSSWALK_BASES = deepFreeze(['derived', 'published'] as const);

/** Most pathways a crosswalk may name (a need area's bit mask of pathways stays in 32 bits). */
export const MAX_PATHWAYS = 31;

const pathwayName = z.string().min(1, 'expected a pathway name');

/** Zod schema of a crosswalk from need areas to pathways. */
export const crosswalkSchema = z
  .strictObject({
    /** `derived` (no official mapping is published) or `published`. */
    basis: z.enum(CROSSWALK_BASES, { error: () => `expected a basis: ${CROSSWALK_BASES.join(', ')}` }),
    /** Where the mapping comes from, in words. */
    note: z.string().optional(),
    /** The pathways commissioned, each once. */
    pathways: z.array(pathwayName).min(1, 'expected at least one pathway').max(MAX_PATHWAYS, `expected at most ${MAX_PATHWAYS} pathways`).readonly(),
    /** The pathways each need area leads to (absent or empty: none, e.g. accredited programmes instead). */
    needs: z.partialRecord(z.enum(NEED_AREAS, { error: () => `expected a need area: ${NEED_AREAS.join(', ')}` }), z.array(pathwayName).readonly()),
    /** Least severity that makes a person eligible (default `standard`: any identified need). */
    minimumSeverity: z.enum(['standard', 'severe'], { error: () => 'expected a minimum severity: standard, severe' }).optional(),
    /** The pathway that women with any mapped need are eligible for too (absent: none). */
    womenPathway: pathwayName.optional(),
  })
  .superRefine((c, ctx) => {
    const known = new Set<string>();
    c.pathways.forEach((pathway, i) => {
      if (known.has(pathway)) ctx.addIssue({ code: 'custom', path: ['pathways', i], message: `"${pathway}" is listed twice` });
      known.add(pathway);
    });
    const unknown = (pathway: string) => `unknown pathway "${pathway}"; expected one of the crosswalk's pathways: ${c.pathways.join(', ')}`;
    for (const area of NEED_AREAS) {
      c.needs[area]?.forEach((pathway, i) => {
        if (!known.has(pathway)) ctx.addIssue({ code: 'custom', path: ['needs', area, i], message: unknown(pathway) });
      });
    }
    if (c.womenPathway !== undefined && !known.has(c.womenPathway)) ctx.addIssue({ code: 'custom', path: ['womenPathway'], message: unknown(c.womenPathway) });
  });
/** A crosswalk from need areas to pathways (see {@link crosswalkSchema}). */
export type Crosswalk = z.input<typeof crosswalkSchema>;

/**
 * The default crosswalk, DERIVED by name (no official mapping from OASys needs to pathways is
 * published): accommodation → accommodation; ETE → ETE; finance → finance, benefit and debt; drugs,
 * alcohol → dependency and recovery; relationships (family and significant others), lifestyle
 * (lifestyle and associates), emotional wellbeing → personal wellbeing; thinking and behaviour,
 * attitudes → none (accredited programmes, not commissioned services); women with any mapped need →
 * women's services.
 *
 * @example
 * ```ts
 * DEFAULT_CROSSWALK.basis; // 'derived'
 * DEFAULT_CROSSWALK.needs.drugMisuse; // ['dependency and recovery']
 * ```
 */
export const DEFAULT_CROSSWALK = deepFreeze({
  basis: 'derived',
  note: 'Derived by name from OASys need sections and the referral service categories; no official mapping is published.',
  pathways: [...COMMISSIONED_PATHWAYS],
  needs: {
    accommodation: ['accommodation'],
    educationTrainingEmployability: ['education, training and employment'],
    finance: ['finance, benefit and debt'],
    relationships: ['personal wellbeing'],
    lifestyle: ['personal wellbeing'],
    drugMisuse: ['dependency and recovery'],
    alcoholMisuse: ['dependency and recovery'],
    emotionalWellbeing: ['personal wellbeing'],
    thinkingAndBehaviour: [],
    attitudes: [],
  },
  womenPathway: "women's services",
} as const satisfies Crosswalk);

/** A crosswalk laid out for the kernel: need-area bit masks per pathway. Internal. */
export interface CompiledCrosswalk {
  readonly basis: (typeof CROSSWALK_BASES)[number];
  readonly note: string;
  readonly pathways: readonly string[];
  /** Per pathway: bit k set when need area k leads to it. */
  readonly needMasks: readonly number[];
  /** Bit k set when need area k leads to any pathway. */
  readonly mappedMask: number;
  /** Index in `pathways` of the women's pathway, or -1. */
  readonly womenPathway: number;
  /** 1 for `standard`, 2 for `severe`. */
  readonly minimumSeverity: 1 | 2;
}

/** Trusted core: compiles a parsed crosswalk. */
export function compileCrosswalk(c: z.output<typeof crosswalkSchema>): CompiledCrosswalk {
  const needMasks = c.pathways.map((pathway) => NEED_AREAS.reduce((mask, area: NeedArea, k) => (c.needs[area]?.includes(pathway) === true ? mask | (1 << k) : mask), 0));
  return {
    basis: c.basis,
    note: c.note ?? '',
    pathways: c.pathways,
    needMasks,
    mappedMask: needMasks.reduce((a, m) => a | m, 0),
    womenPathway: c.womenPathway === undefined ? -1 : c.pathways.indexOf(c.womenPathway),
    minimumSeverity: c.minimumSeverity === 'severe' ? 2 : 1,
  };
}

/** Validates and compiles an optional crosswalk argument at `path` (the default when absent). */
export function crosswalkOf(crosswalk: Crosswalk | undefined, path: string): CompiledCrosswalk {
  return compileCrosswalk(parseInput(crosswalkSchema, crosswalk ?? DEFAULT_CROSSWALK, path));
}
