import { describe, expect, it } from 'vitest';
import { rpcContract } from './contract';
import { DealPatch, DealsListParams } from './deals';

describe('deals RPC schemas', () => {
  it('are in the contract', () => {
    expect(Object.keys(rpcContract)).toEqual(
      expect.arrayContaining(['deals.list', 'deal.get', 'deal.update']),
    );
  });

  it('validates patches: known fields only, amounts in minor units, hold levels 1–5', () => {
    expect(DealPatch.safeParse({ stage: 'offer', guarantee: 150_000 }).success).toBe(true);
    expect(DealPatch.safeParse({ artistId: 'a2' }).success).toBe(false);
    expect(DealPatch.safeParse({ guarantee: 12.5 }).success).toBe(false);
    expect(DealPatch.safeParse({ stage: 'maybe' }).success).toBe(false);
    expect(DealPatch.safeParse({ holdLevel: 6 }).success).toBe(false);
    expect(DealPatch.safeParse({ date: '2026-13-01' }).success).toBe(false);
  });

  it('validates list filters', () => {
    expect(DealsListParams.safeParse({ stage: 'hold', from: '2026-01-01', sort: 'date' }).success).toBe(true);
    expect(DealsListParams.safeParse({ from: 'tomorrow' }).success).toBe(false);
    expect(DealsListParams.safeParse({ extra: 1 }).success).toBe(false);
  });
});
