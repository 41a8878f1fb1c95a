/** A show's guest list: add (name, plus-ones, note), remove, totals. Each change is saved at once. */
import type { GuestEntry, NewGuest } from '@flowstage/shared';
import { type FormEvent, useId, useState } from 'react';
import { useAdvT } from './messages';

interface GuestListProps {
  guests: GuestEntry[];
  /** Rejects with a translated message when the core refuses. */
  onAdd(guest: NewGuest): Promise<void>;
  onRemove(id: string): Promise<void>;
}

export function GuestList({ guests, onAdd, onRemove }: GuestListProps) {
  const at = useAdvT();
  const ids = useId();
  const [name, setName] = useState('');
  const [plusOnes, setPlusOnes] = useState('0');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [nameError, setNameError] = useState(false);
  const plus = /^\d{1,2}$/.test(plusOnes.trim()) ? Number(plusOnes.trim()) : Number.NaN;
  const plusInvalid = !(plus >= 0 && plus <= 20);
  const heads = guests.reduce((n, g) => n + 1 + g.plusOnes, 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const missing = !name.trim();
    setNameError(missing);
    if (missing || plusInvalid) return;
    setBusy(true);
    try {
      await onAdd({ name: name.trim(), plusOnes: plus, note: note.trim() });
      // Only a saved guest clears the form: on failure the typed values stay.
      setName('');
      setPlusOnes('0');
      setNote('');
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="adv-section" data-testid="adv-guests">
      <h3>
        {at('guests')}{' '}
        <span className="nav-count" data-testid="adv-guest-total">
          {at('guests.total', { names: guests.length, heads })}
        </span>
      </h3>
      {guests.length === 0 ? (
        <p className="muted">{at('guests.none')}</p>
      ) : (
        <table className="data-table adv-guests">
          <thead>
            <tr>
              <th scope="col">{at('guests.name')}</th>
              <th scope="col">{at('guests.plusOnes')}</th>
              <th scope="col">{at('guests.note')}</th>
              <th scope="col">
                <span className="visually-hidden">×</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {guests.map((g) => (
              <tr key={g.id} data-guest-id={g.id} data-testid="adv-guest">
                <td>{g.name}</td>
                <td className="num">{g.plusOnes > 0 ? `+${g.plusOnes}` : ''}</td>
                <td>{g.note}</td>
                <td>
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    aria-label={at('guests.remove', { name: g.name })}
                    onClick={() => {
                      onRemove(g.id).then(
                        () => setError(null),
                        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
                      );
                    }}
                    data-testid="adv-guest-remove"
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="adv-guest-form" onSubmit={submit} noValidate>
        <label htmlFor={`${ids}-name`} className="visually-hidden">
          {at('guests.name')}
        </label>
        <input
          id={`${ids}-name`}
          className={`input${nameError ? ' input-invalid' : ''}`}
          placeholder={at('guests.name')}
          maxLength={200}
          value={name}
          aria-invalid={nameError}
          onChange={(e) => {
            setName(e.target.value);
            setNameError(false);
          }}
          data-testid="adv-guest-name"
        />
        <label htmlFor={`${ids}-plus`} className="adv-inline-label">
          {at('guests.plusOnes')}
        </label>
        <input
          id={`${ids}-plus`}
          className={`input adv-plus${plusInvalid ? ' input-invalid' : ''}`}
          inputMode="numeric"
          maxLength={2}
          value={plusOnes}
          aria-invalid={plusInvalid}
          onChange={(e) => setPlusOnes(e.target.value)}
          data-testid="adv-guest-plus"
        />
        <label htmlFor={`${ids}-note`} className="visually-hidden">
          {at('guests.note')}
        </label>
        <input
          id={`${ids}-note`}
          className="input"
          placeholder={at('guests.note')}
          maxLength={300}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="adv-guest-note"
        />
        <button type="submit" className="button button-small" disabled={busy} data-testid="adv-guest-add">
          {at('guests.add')}
        </button>
      </form>
      {nameError ? <p className="field-error">{at('error.guestName')}</p> : null}
      {plusInvalid ? <p className="field-error">{at('error.plusOnes')}</p> : null}
      {error ? (
        <p className="form-error" role="alert" data-testid="adv-guest-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
