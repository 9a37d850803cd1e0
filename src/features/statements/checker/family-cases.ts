// The shape of the checker's family tests: a family of wordings, sentences it must flag and hard negatives beside
// them that it must not; `testFamilies` turns a list of them into one test per sentence.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkStatement, type RiskCategory } from './index.ts';

/** A family of risky wordings with sentences that must be flagged and near misses that must not. */
export type Family = { name: string; category: RiskCategory; flagged: string[]; clean: string[] };

/** One test per sentence: each flagged one has a finding of the family's category, each clean one none. */
export function testFamilies(title: string, families: Family[]) {
  describe(title, () => {
    for (const f of families) {
      describe(`${f.category}: ${f.name}`, () => {
        for (const text of f.flagged) {
          test(`flags ${text}`, () => {
            const got = checkStatement(text).findings.map((x) => x.category);
            assert.ok(got.includes(f.category), `expected ${f.category}, got [${got.join(', ')}]`);
          });
        }
        for (const text of f.clean) {
          test(`does not flag ${text}`, () => {
            const got = checkStatement(text).findings.map((x) => `${x.category} ${x.rule} ${x.excerpt}`);
            assert.ok(!got.some((g) => g.startsWith(`${f.category} `)), got.join('; '));
          });
        }
      });
    }
  });
}
