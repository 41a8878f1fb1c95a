/**
 * A hold's rank, expiry and challenge (DOMAIN.md "Holds and the life of a date"): a lower
 * hold can challenge the 1st hold of its date (deadline, default 48 h); the challenged 1st
 * hold answers Confirm (it becomes confirmed, the others are released) or Release (the
 * lower holds move up). The time left is shown and ticks.
 */
import { DEFAULT_CHALLENGE_HOURS, type DealDetail, type DealRow, HoldLevel } from '@flowstage/shared';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { formatDateTime } from '../lib/dates';
import { useRpc, useRpcEvent } from '../rpc/react';
import { timeLeft } from './history';
import { holdBadge } from './logic';
import { usePipeT } from './messages';

/** The current time, refreshed every `everyMs` (countdowns). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** "YYYY-MM-DD" of an instant, in local time (the date input's value). */
export function localDay(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The end of a local day as an instant (a hold set to expire "on" a day lasts the day). */
export function endOfLocalDay(day: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const d = new Date(`${day}T23:59:59`);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export function HoldPanel({
  detail,
  onDetail,
  onError,
}: {
  detail: DealDetail;
  onDetail(d: DealDetail): void;
  onError(err: unknown): void;
}) {
  const pt = usePipeT();
  const i18n = useI18n();
  const rpc = useRpc();
  const now = useNow();
  const { deal } = detail;
  const [siblings, setSiblings] = useState<DealRow[]>([]);
  const [hours, setHours] = useState(String(DEFAULT_CHALLENGE_HOURS));
  /** The expiry day being typed (null: the stored one). */
  const [draft, setDraft] = useState<string | null>(null);
  const expires = draft ?? localDay(deal.holdExpiresAt);
  const loadSiblings = () => {
    rpc
      .call('deals.list', { artistId: deal.artistId, from: deal.date, to: deal.date })
      .then(setSiblings, () => {});
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the deal changes
  useEffect(loadSiblings, [rpc, deal.artistId, deal.date, deal.updatedAt]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.includes('deals')) loadSiblings();
  });

  const run = (p: Promise<DealDetail>) =>
    p.then((d) => {
      onDetail(d);
      loadSiblings();
    }, onError);
  /** Saves the expiry; what was typed meanwhile is kept. */
  const saveExpiry = (holdExpiresAt: string | null) => {
    const sent = draft;
    run(
      rpc.call('deal.update', { id: deal.id, patch: { holdExpiresAt } }).then((d) => {
        setDraft((cur) => (cur === sent ? null : cur));
        return d;
      }),
    );
  };
  if (deal.stage !== 'hold') return null;

  const first = siblings.find((s) => s.stage === 'hold' && s.holdLevel === 1);
  const left = (deadline: string) => {
    const l = timeLeft(deadline, now);
    return pt(l.key, l.vars);
  };
  const challenge = deal.challenge ?? null;
  const iChallenged = first?.challengerId === deal.id && first.challengeDeadline ? first : null;
  const hoursValue = Number(hours.replace(',', '.'));

  return (
    <section className="deal-panel" aria-label={pt('challenge.title')} data-testid="hold-panel">
      <h2>{pt('challenge.title')}</h2>
      <label className="deal-field">
        <span>{pt('field.holdLevel')}</span>
        <select
          className="input"
          value={deal.holdLevel ?? 1}
          onChange={(e) =>
            run(rpc.call('deal.update', { id: deal.id, patch: { holdLevel: Number(e.target.value) } }))
          }
          data-testid="deal-hold-level"
        >
          {Array.from({ length: HoldLevel.maxValue ?? 5 }, (_, i) => i + 1).map((l) => (
            <option key={l} value={l}>
              {holdBadge(l, i18n.lang)}
            </option>
          ))}
        </select>
      </label>
      <div className="deal-field">
        <label htmlFor="deal-holdExpiresAt">{pt('field.holdExpiresAt')}</label>
        <div className="terms-row">
          <input
            id="deal-holdExpiresAt"
            type="date"
            className="input"
            value={expires}
            onChange={(e) => setDraft(e.target.value)}
            data-testid="deal-holdExpiresAt-input"
          />
          <button
            type="button"
            className="button button-small"
            disabled={!endOfLocalDay(expires)}
            onClick={() => saveExpiry(endOfLocalDay(expires))}
            data-testid="deal-holdExpiresAt-save"
          >
            {pt('hold.expiresSet')}
          </button>
          {deal.holdExpiresAt ? (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => saveExpiry(null)}
              data-testid="deal-holdExpiresAt-clear"
            >
              {pt('hold.expiresClear')}
            </button>
          ) : null}
        </div>
        {deal.holdExpiresAt ? (
          <span className="muted" data-testid="hold-expires-left">
            {formatDateTime(deal.holdExpiresAt, i18n.locale)} · {left(deal.holdExpiresAt)}
          </span>
        ) : null}
      </div>

      {challenge ? (
        <div className="challenge-box" role="alert" data-testid="challenge-pending">
          <p>
            {pt('challenge.pending', {
              deadline: formatDateTime(challenge.deadline, i18n.locale),
              left: left(challenge.deadline),
            })}
          </p>
          <div className="terms-row">
            <button
              type="button"
              className="button button-primary"
              onClick={() => run(rpc.call('deal.answerChallenge', { id: deal.id, answer: 'confirm' }))}
              data-testid="challenge-confirm"
            >
              {pt('challenge.confirm')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => run(rpc.call('deal.answerChallenge', { id: deal.id, answer: 'release' }))}
              data-testid="challenge-release"
            >
              {pt('challenge.release')}
            </button>
          </div>
        </div>
      ) : null}
      {iChallenged?.challengeDeadline ? (
        <p className="muted" data-testid="challenge-sent">
          {pt('challenge.sent', {
            deal: iChallenged.venueName,
            deadline: formatDateTime(iChallenged.challengeDeadline, i18n.locale),
            left: left(iChallenged.challengeDeadline),
          })}
        </p>
      ) : null}
      {(deal.holdLevel ?? 1) > 1 && first && !first.challengeDeadline ? (
        <div className="terms-row" data-testid="challenge-form">
          <span className="muted">{pt('challenge.hint')}</span>
          <label>
            {pt('challenge.hours')}{' '}
            <input
              className="input input-small"
              inputMode="numeric"
              value={hours}
              onChange={(e) => setHours(e.target.value)}
              data-testid="challenge-hours"
            />
          </label>
          <button
            type="button"
            className="button button-primary"
            disabled={!(hoursValue > 0 && hoursValue <= 720)}
            onClick={() => run(rpc.call('deal.challenge', { id: deal.id, hours: hoursValue }))}
            data-testid="challenge-issue"
          >
            {pt('challenge.action')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
