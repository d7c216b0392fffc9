/**
 * The cases of a tidy `cases` table as they are read: one entry per loaded case in file order, in
 * growable typed columns (no object per case), laid out by practitioner once the table is read.
 */
import type { ColumnarCaseload } from '../workload/index.js';

/** Growable columns of the cases read, entry `j` being the `j`-th case loaded. */
export class CaseColumns {
  #size = 0;
  #owner = new Uint32Array(1024);
  #tier = new Uint8Array(1024);
  #caseType = new Uint8Array(1024);
  #t2a = new Uint8Array(1024);
  #status = new Uint8Array(1024);
  /** The cases' references, in the order read. */
  readonly ids: string[] = [];

  /** Cases read so far. */
  get size(): number {
    return this.#size;
  }

  /** Adds a case held by practitioner `owner` (a position in the practitioners read), its values as positions in their lists. */
  push(id: string, owner: number, tier: number, caseType: number, t2a: boolean, status: number): void {
    if (this.#size === this.#owner.length) this.#grow();
    const j = this.#size;
    this.#owner[j] = owner;
    this.#tier[j] = tier;
    this.#caseType[j] = caseType;
    this.#t2a[j] = t2a ? 1 : 0;
    this.#status[j] = status;
    this.ids.push(id);
    this.#size = j + 1;
  }

  #grow(): void {
    const n = this.#owner.length * 2;
    const grown = <T extends Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.#owner = grown(this.#owner, (k) => new Uint32Array(k));
    this.#tier = grown(this.#tier, (k) => new Uint8Array(k));
    this.#caseType = grown(this.#caseType, (k) => new Uint8Array(k));
    this.#t2a = grown(this.#t2a, (k) => new Uint8Array(k));
    this.#status = grown(this.#status, (k) => new Uint8Array(k));
  }

  /**
   * The cases as a `ColumnarCaseload` of `practitionerCount` practitioners, sorted by practitioner
   * (a stable counting sort: each practitioner's cases stay in file order), and the reference of
   * each sorted entry.
   */
  byPractitioner(practitionerCount: number): { cases: ColumnarCaseload & { t2a: Uint8Array; statusIndex: Uint8Array }; ids: string[] } {
    const n = this.#size;
    const next = new Uint32Array(practitionerCount + 1);
    for (let j = 0; j < n; j++) next[(this.#owner[j] as number) + 1] = (next[(this.#owner[j] as number) + 1] as number) + 1;
    for (let p = 0; p < practitionerCount; p++) next[p + 1] = (next[p + 1] as number) + (next[p] as number);
    const cases = {
      practitionerCount,
      practitionerIndex: new Uint32Array(n),
      tierIndex: new Uint8Array(n),
      caseTypeIndex: new Uint8Array(n),
      t2a: new Uint8Array(n),
      statusIndex: new Uint8Array(n),
    };
    const ids = new Array<string>(n);
    for (let j = 0; j < n; j++) {
      const p = this.#owner[j] as number;
      const k = next[p] as number;
      next[p] = k + 1;
      cases.practitionerIndex[k] = p;
      cases.tierIndex[k] = this.#tier[j] as number;
      cases.caseTypeIndex[k] = this.#caseType[j] as number;
      cases.t2a[k] = this.#t2a[j] as number;
      cases.statusIndex[k] = this.#status[j] as number;
      ids[k] = this.ids[j] as string;
    }
    return { cases, ids };
  }
}
