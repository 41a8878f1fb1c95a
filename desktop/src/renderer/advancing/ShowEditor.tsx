/**
 * One show's advancing: schedule, production, hospitality, contacts, guest list, and its
 * day sheet PDF. Edits live in a draft saved on blur or with Save; a save answer or a sync
 * never overwrites a field the user changed since (logic.ts `rebase`), and a failed save
 * keeps every typed value and says why.
 */
import type { AdvancingDetail, DayContact, NewGuest } from '@flowstage/shared';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate, formatDateTime } from '../lib/dates';
import { RpcCallError } from '../rpc/errors';
import { useRpc, useRpcEvent } from '../rpc/react';
import { ContactsPicker } from './ContactsPicker';
import { GuestList } from './GuestList';
import { type Draft, dirtyFields, draftOf, patchOf, rebase } from './logic';
import { useAdvT } from './messages';
import { DaySheetDialog } from './PdfDialogs';
import { ScheduleEditor } from './ScheduleEditor';

export function ShowEditor({ dealId, onChanged }: { dealId: string; onChanged(): void }) {
  const at = useAdvT();
  const i18n = useI18n();
  const rpc = useRpc();
  const ids = useId();
  const [detail, setDetail] = useState<AdvancingDetail | null>(null);
  const [draft, setDraftState] = useState<Draft | null>(null);
  const draftRef = useRef<Draft | null>(null);
  const savedRef = useRef<Draft | null>(null);
  const savingRef = useRef(false);
  const againRef = useRef(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showAllErrors, setShowAllErrors] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  const known = useRef(new Map<string, DayContact>());
  const [, setKnownVersion] = useState(0);

  const failure = useCallback(
    (err: unknown) =>
      err instanceof RpcCallError && err.code === 'invalid_record'
        ? at('error.invalid_record')
        : errorMessage(i18n, err),
    [at, i18n],
  );

  const remember = useCallback((list: DayContact[]) => {
    for (const c of list) known.current.set(c.id, c);
    setKnownVersion((v) => v + 1);
  }, []);

  /** Change draft fields (from the latest draft, not a render's copy). */
  const edit = (fields: Partial<Draft>) => {
    const current = draftRef.current;
    if (!current) return;
    const next = { ...current, ...fields };
    draftRef.current = next;
    setDraftState(next);
  };

  /** The server's state is `next`; `reference` is what the draft was compared against. */
  const applyServer = useCallback(
    (next: AdvancingDetail, reference: Draft | null) => {
      remember([...next.dayContacts, ...next.suggestedContacts]);
      const fresh = draftOf(next);
      const current = draftRef.current;
      const merged = current && reference ? rebase(current, reference, fresh) : fresh;
      savedRef.current = fresh;
      draftRef.current = merged;
      setDraftState(merged);
      setDetail(next);
    },
    [remember],
  );

  const load = useCallback(() => {
    rpc.call('advancing.get', { dealId }).then(
      (d) => applyServer(d, savedRef.current),
      (err) => setError(failure(err)),
    );
  }, [rpc, dealId, applyServer, failure]);
  useEffect(load, [load]);
  useRpcEvent('data.changed', ({ collections }) => {
    if (collections.length === 0 || collections.includes('deals') || collections.includes('contacts')) load();
  });

  const save = useCallback(async () => {
    const current = draftRef.current;
    const saved = savedRef.current;
    if (!current || !saved) return;
    const { patch } = patchOf(current, saved);
    const fields = Object.keys(patch) as (keyof Draft)[];
    if (fields.length === 0) return;
    if (savingRef.current) {
      againRef.current = true;
      return;
    }
    savingRef.current = true;
    setSaving(true);
    // What the draft held when sent: a field still equal to it afterwards takes the answer.
    const reference: Draft = { ...saved };
    for (const f of fields) (reference as Record<keyof Draft, unknown>)[f] = current[f];
    try {
      const answer = await rpc.call('advancing.update', { dealId, patch });
      applyServer(answer, reference);
      setError(null);
      onChanged();
    } catch (err) {
      setError(failure(err));
    } finally {
      savingRef.current = false;
      setSaving(false);
      if (againRef.current) {
        againRef.current = false;
        void save();
      }
    }
  }, [rpc, dealId, applyServer, onChanged, failure]);

  const guestCall = async (call: () => Promise<AdvancingDetail>) => {
    try {
      applyServer(await call(), savedRef.current);
      onChanged();
    } catch (err) {
      throw new Error(failure(err));
    }
  };

  if (!detail || !draft) {
    return (
      <section className="adv-editor" data-testid="adv-editor-loading">
        {error ? (
          <p className="form-error" role="alert" data-testid="adv-error">
            {error}
          </p>
        ) : (
          <p className="muted">{at('loading')}</p>
        )}
      </section>
    );
  }

  const saved = savedRef.current ?? draft;
  const dirty = dirtyFields(draft, saved);
  const v = detail.venue;
  const capacity = v ? Math.max(v.capacityStanding, v.capacitySeated) : 0;

  return (
    <section className="adv-editor" data-testid="adv-editor" data-deal-id={dealId}>
      <header className="adv-editor-header">
        <div>
          <h2>
            {detail.artist.name} · {formatDate(detail.deal.date, i18n.locale)}
          </h2>
          <p className="muted" data-testid="adv-venue">
            {v ? `${v.name} — ${[v.address, v.postalCode, v.city].filter(Boolean).join(', ')}` : ''}
            {capacity > 0 ? ` · ${at('capacity', { n: capacity })}` : ''}
            {v?.phone ? ` · ${v.phone}` : ''}
          </p>
        </div>
        <span className="page-header-spacer" />
        <span className="muted adv-save-state" data-testid="adv-save-state" data-dirty={dirty.length > 0}>
          {saving ? at('saving') : dirty.length > 0 ? at('unsaved') : at('saved')}
        </span>
        <button
          type="button"
          className="button button-primary"
          disabled={saving}
          onClick={() => {
            setShowAllErrors(true);
            void save();
          }}
          data-testid="adv-save"
        >
          {at('save')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => setPdfOpen(true)}
          data-testid="adv-daysheet-open"
        >
          {at('daySheet')}
        </button>
      </header>
      {error ? (
        <p className="form-error" role="alert" data-testid="adv-error">
          {error}
        </p>
      ) : null}
      <ScheduleEditor
        rows={draft.schedule}
        showAllErrors={showAllErrors}
        onChange={(schedule) => edit({ schedule })}
        onCommit={() => void save()}
      />
      <section className="adv-section adv-texts">
        <div className="field">
          <label htmlFor={`${ids}-production`}>{at('production')}</label>
          <textarea
            id={`${ids}-production`}
            className="input"
            rows={4}
            maxLength={20_000}
            placeholder={at('production.hint')}
            value={draft.production}
            onChange={(e) => edit({ production: e.target.value })}
            onBlur={() => void save()}
            data-testid="adv-production"
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-hospitality`}>{at('hospitality')}</label>
          <textarea
            id={`${ids}-hospitality`}
            className="input"
            rows={4}
            maxLength={20_000}
            placeholder={at('hospitality.hint')}
            value={draft.hospitality}
            onChange={(e) => edit({ hospitality: e.target.value })}
            onBlur={() => void save()}
            data-testid="adv-hospitality"
          />
        </div>
      </section>
      <ContactsPicker
        chosenIds={draft.dayContactIds}
        known={known.current}
        suggested={detail.suggestedContacts}
        onFound={remember}
        onChange={(dayContactIds) => {
          edit({ dayContactIds });
          void save();
        }}
      />
      <GuestList
        guests={detail.deal.guestList ?? []}
        onAdd={(guest: NewGuest) => guestCall(() => rpc.call('advancing.addGuest', { dealId, guest }))}
        onRemove={(guestId) => guestCall(() => rpc.call('advancing.removeGuest', { dealId, guestId }))}
      />
      {detail.events.length > 0 ? (
        <section className="adv-section" data-testid="adv-events">
          <h3>{at('events')}</h3>
          <ul className="adv-list">
            {detail.events.map((e) => (
              <li key={e.id}>
                <span className="muted">
                  {e.allDay
                    ? formatDate(e.start.slice(0, 10), i18n.locale)
                    : formatDateTime(e.start, i18n.locale)}
                </span>{' '}
                {e.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {pdfOpen ? (
        <DaySheetDialog
          dealId={dealId}
          artistName={detail.artist.name}
          date={detail.deal.date}
          onClose={() => setPdfOpen(false)}
        />
      ) : null}
    </section>
  );
}
