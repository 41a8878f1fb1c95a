/**
 * "New venue" / "New contact": the detail fields (validated like the detail panel), a venue
 * picker for a contact; a duplicate (same name and city, same e-mail) is explained and can
 * be created anyway. The new record opens selected.
 */
import { ContactRole, Country, type DirectoryCollection, VenueKind } from '@flowstage/shared';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { RpcCallError } from '../rpc/errors';
import { useRpc } from '../rpc/react';
import {
  CONTACT_FIELDS,
  contactPatch,
  type FormErrors,
  type FormValues,
  VENUE_FIELDS,
  venuePatch,
} from './forms';
import { type DirKey, useDirT } from './messages';
import { recordErrorKey, useRecordT } from './messages-records';
import { VenuePicker } from './VenuePicker';

const EMPTY: Record<DirectoryCollection, FormValues> = {
  venues: { kind: 'club', country: 'FR', capacityStanding: '0', capacitySeated: '0' },
  contacts: { role: 'programmer', country: 'FR' },
};

const OPTIONS: Record<string, readonly string[]> = {
  kind: VenueKind.options,
  role: ContactRole.options,
  country: Country.options,
};

export function NewRecordDialog({
  collection,
  onClose,
  onCreated,
}: {
  collection: DirectoryCollection;
  onClose(): void;
  onCreated(id: string): void;
}) {
  const dt = useDirT();
  const rt = useRecordT();
  const i18n = useI18n();
  const rpc = useRpc();
  const ref = useRef<HTMLDialogElement>(null);
  const [values, setValues] = useState<FormValues>(EMPTY[collection]);
  const [venueId, setVenueId] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [duplicate, setDuplicate] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
  }, []);
  const fields = (collection === 'venues' ? VENUE_FIELDS : CONTACT_FIELDS).filter((f) => f !== 'tags');

  const submit = async (allowDuplicate: boolean) => {
    const venue = collection === 'venues' ? venuePatch(values) : null;
    const contact = collection === 'contacts' ? contactPatch(values) : null;
    const built = venue ?? contact;
    if (!built || 'errors' in built) {
      setErrors(built?.errors ?? {});
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const extra = allowDuplicate ? { allowDuplicate: true } : {};
      const created =
        venue && 'patch' in venue
          ? await rpc.call('venue.create', { ...venue.patch, name: venue.patch.name ?? '', ...extra })
          : await rpc.call('contact.create', { ...built.patch, venueId, ...extra });
      onCreated(created.id);
    } catch (err) {
      setBusy(false);
      const key = err instanceof RpcCallError ? recordErrorKey(err.code) : null;
      setDuplicate(err instanceof RpcCallError && err.code.startsWith('duplicate_'));
      setError(key ? rt(key) : errorMessage(i18n, err));
    }
  };

  const title = rt(collection === 'venues' ? 'new.venues' : 'new.contacts');
  return (
    <dialog
      ref={ref}
      className="dialog new-record-dialog"
      aria-label={title}
      data-testid="new-record-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit(false);
        }}
      >
        <h2>{title}</h2>
        <div className="new-record-fields">
          {fields.map((field) => {
            const options = OPTIONS[field];
            const inputId = `new-${field}`;
            const err = errors[field];
            const onChange = (v: string) => {
              setValues({ ...values, [field]: v });
              setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => k !== field)));
              setDuplicate(false);
            };
            return (
              <div key={field} className={`field${err ? ' field-invalid' : ''}`}>
                <label htmlFor={inputId}>{dt(`field.${field}` as DirKey)}</label>
                {options ? (
                  <select
                    id={inputId}
                    className="input"
                    value={values[field]}
                    onChange={(e) => onChange(e.target.value)}
                    data-testid={`${inputId}-input`}
                  >
                    {options.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={inputId}
                    className="input"
                    value={values[field] ?? ''}
                    aria-invalid={err ? true : undefined}
                    onChange={(e) => onChange(e.target.value)}
                    data-testid={`${inputId}-input`}
                  />
                )}
                {err ? (
                  <p className="field-error" role="alert" data-testid={`${inputId}-error`}>
                    {dt(err)}
                  </p>
                ) : null}
              </div>
            );
          })}
        </div>
        {collection === 'venues' ? <p className="muted">{rt('geo.note')}</p> : null}
        {collection === 'contacts' ? <VenuePicker venueId={venueId} onChange={setVenueId} /> : null}
        {error ? (
          <p className="form-error" role="alert" data-testid="new-record-error">
            {error}
          </p>
        ) : null}
        <div className="dialog-actions">
          <button type="button" className="button button-ghost" onClick={onClose}>
            {rt('cancel')}
          </button>
          {duplicate ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void submit(true)}
              data-testid="new-record-anyway"
            >
              {rt('createAnyway')}
            </button>
          ) : null}
          <button
            type="submit"
            className="button button-primary"
            disabled={busy}
            data-testid="new-record-create"
          >
            {rt('create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
