import { describe, expect, it } from 'vitest';
import { describeValue, fieldLabel, kindLabel, timeLeft } from './history';
import { type PipeKey, pipeMessages } from './messages';

const t = (lang: 'fr' | 'en') => (key: PipeKey, vars?: Record<string, string | number>) =>
  (pipeMessages[lang][key] ?? key).replace(/\{(\w+)\}/g, (_, n: string) => String(vars?.[n] ?? ''));
const en = { currency: 'EUR', locale: 'en-GB', lang: 'en' as const, t: t('en') };
const fr = { currency: 'EUR', locale: 'fr-FR', lang: 'fr' as const, t: t('fr') };
const nb = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('history display', () => {
  it('counts down to a deadline', () => {
    const now = Date.parse('2026-04-20T10:00:00.000Z');
    expect(timeLeft('2026-04-22T10:00:00.000Z', now)).toEqual({ key: 'left.days', vars: { d: 2, h: 0 } });
    expect(timeLeft('2026-04-20T13:25:00.000Z', now)).toEqual({ key: 'left.hours', vars: { h: 3, m: 25 } });
    expect(timeLeft('2026-04-20T10:05:30.000Z', now)).toEqual({ key: 'left.minutes', vars: { m: 5 } });
    expect(timeLeft('2026-04-20T09:00:00.000Z', now).key).toBe('left.over');
  });

  it('translates field names and kinds, formats money, rates and lists', () => {
    expect(fieldLabel('depositPaid', fr.t)).toBe('Acompte versé');
    expect(fieldLabel('vatReverseCharge', en.t)).toBe('Reverse charge');
    expect(fieldLabel('unknownField', en.t)).toBe('unknownField');
    expect(kindLabel('hold_expired', fr.t)).toBe('Option expirée');
    expect(kindLabel('challenge_lapsed', en.t)).toBe('Challenge lapsed: hold released');
    expect(nb(describeValue('depositPaid', 150_050, fr))).toBe('1 500,50 €');
    expect(describeValue('guarantee', 150_000, en)).toBe('€1,500.00');
    expect(describeValue('vatBps', 550, fr)).toBe('5.5 %');
    expect(describeValue('stage', 'hold', fr)).toBe('Option');
    expect(describeValue('dealType', 'versus_net', en)).toBe('Versus (net)');
    expect(describeValue('holdLevel', 2, fr)).toBe('2e option');
    expect(describeValue('vatReverseCharge', true, fr)).toBe('oui');
    expect(describeValue('coHeadlineSharesBps', [6000, 4000], en)).toBe('60 % / 40 %');
    expect(describeValue('bonuses', [{ metric: 'tickets', threshold: 400, amount: 50_000 }], en)).toBe(
      'Tickets sold ≥ 400: +€500.00',
    );
    expect(describeValue('expenses', [{ label: 'Son', amount: 30_000 }], en)).toBe('Son €300.00');
    expect(describeValue('challenge', null, en)).toBe('—');
    expect(describeValue('challenge', { deadline: '2026-04-22T10:00:00.000Z' }, en)).toMatch(/^answer by /);
  });
});
