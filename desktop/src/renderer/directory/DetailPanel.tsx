/**
 * Venues and contacts: a searchable, sortable, tag-filtered list (a plain table, to be
 * switched to the shared table later), a detail panel with editing, tags, linked contacts
 * and interaction history, CSV import (mapping → preview → all-or-nothing) and CSV export.
 */
import {
  type ContactRecord,
  type ContactRow,
  ContactRole,
  Country,
  type DirectoryCollection,
  type Interaction,
  type VenueDetail,
  VenueKind,
} from '@flowstage/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import {
  CONTACT_FIELDS,
  contactPatch,
  contactValues,
  type FormErrors,
  type FormValues,
  VENUE_FIELDS,
  venuePatch,
  venueValues,
} from './forms';
import { type DirKey, useDirT } from './messages';
import { useRecordT } from './messages-records';
import { useCreateT } from '../pipeline/messages-create';
import { NewDealDialog } from '../pipeline/NewDealDialog';

import { History } from './History';
import { VenuePicker } from './VenuePicker';

export function DetailPanel({
  collection,
  id,
  onClose,
  onDeleted,
}: {
  collection: DirectoryCollection;
  id: string;
  onClose(): void;
  /** After a confirmed delete: the record's id and title (the list offers Undo). */
  onDeleted?(id: string, title: string): void;
}) {
  const dt = useDirT();
  const rt = useRecordT();
  const [confirming, setConfirming] = useState(false);
  const ct = useCreateT();
  const [newDeal, setNewDeal] = useState(false);
  const i18n = useI18n();
  const rpc = useRpc();
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [linked, setLinked] = useState<ContactRow[]>([]);
  const [history, setHistory] = useState<Interaction[]>([]);
  const [status, setStatus] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [venueId, setVenueId] = useState<string | null>(null);

  useEffect(() => {
    const apply = (record: VenueDetail['venue'] | ContactRecord) => {
      setHistory(record.interactions ?? []);
      if ('name' in record) {
        setValues(venueValues(record));
        setTitle(record.name);
      } else {
        setValues(contactValues(record));
        setVenueId(record.venueId);
        setTitle(`${record.firstName} ${record.lastName}`.trim());
      }
    };
    if (collection === 'venues') {
      rpc.call('venue.get', { id }).then(
        (d) => {
          apply(d.venue);
          setLinked(d.contacts);
        },
        (err) => setStatus(errorMessage(i18n, err)),
      );
    } else rpc.call('contact.get', { id }).then(apply, (err) => setStatus(errorMessage(i18n, err)));
  }, [rpc, collection, id, i18n]);

  if (!values) return <aside className="editor-panel">{status ?? dt('loading')}</aside>;

  const fields = collection === 'venues' ? VENUE_FIELDS : CONTACT_FIELDS;
  const save = async () => {
    setStatus(null);
    const built = collection === 'venues' ? venuePatch(values) : contactPatch(values);
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    try {
      if (collection === 'venues') await rpc.call('venue.update', { id, patch: built.patch as never });
      else await rpc.call('contact.update', { id, patch: built.patch as never });
      setStatus(dt('saved'));
    } catch (err) {
      setStatus(errorMessage(i18n, err));
    }
  };

  const remove = async () => {
    try {
      if (collection === 'venues') await rpc.call('venue.delete', { id });
      else await rpc.call('contact.delete', { id });
      onDeleted?.(id, title);
    } catch (err) {
      setConfirming(false);
      setStatus(errorMessage(i18n, err));
    }
  };

  const select = (field: string): readonly string[] | null =>
    field === 'kind'
      ? VenueKind.options
      : field === 'role'
        ? ContactRole.options
        : field === 'country'
          ? Country.options
          : null;

  return (
    <aside className="editor-panel directory-detail" data-testid="dir-detail" aria-label={title}>
      <header className="editor-header">
        <h2>{title}</h2>
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={onClose}
          data-testid="dir-detail-close"
        >
          {dt('close')}
        </button>
      </header>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        noValidate
      >
        {fields.map((field) => {
          const options = select(field);
          const inputId = `dir-${field}`;
          const err = errors[field];
          return (
            <div key={field} className={`field${err ? ' field-invalid' : ''}`}>
              <label htmlFor={inputId}>{dt(`field.${field}` as DirKey)}</label>
              {options ? (
                <select
                  id={inputId}
                  className="input"
                  value={values[field]}
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
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
                  onChange={(e) => setValues({ ...values, [field]: e.target.value })}
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
        <div className="editor-actions">
          <button type="submit" className="button button-primary" data-testid="dir-save">
            {dt('save')}
          </button>
          {status ? (
            <span className="editor-status" role="status" data-testid="dir-status">
              {status}
            </span>
          ) : null}
          <button
            type="button"
            className="button button-ghost"
            onClick={() => setConfirming(true)}
            data-testid="dir-delete"
          >
            {rt('delete')}
          </button>
        </div>
        {confirming ? (
          <div
            className="dir-confirm"
            role="alertdialog"
            aria-label={rt('delete')}
            data-testid="dir-delete-confirm"
          >
            <span>{rt('delete.confirm', { name: title })}</span>
            <button
              type="button"
              className="button button-primary"
              onClick={() => void remove()}
              data-testid="dir-delete-yes"
            >
              {rt('delete.yes')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
              {rt('cancel')}
            </button>
          </div>
        ) : null}
      </form>
      {collection === 'contacts' ? (
        <VenuePicker contactId={id} venueId={venueId} onChange={setVenueId} />
      ) : null}
      {collection === 'venues' ? (
        <button type="button" className="button" onClick={() => setNewDeal(true)} data-testid="dir-new-deal">
          {ct('new.button')}
        </button>
      ) : null}
      {newDeal ? (
        <NewDealDialog
          venueId={id}
          onClose={() => setNewDeal(false)}
          onCreated={(dealId) => {
            // The deal's route opens it on the pipeline's deal page.
            window.location.hash = `#/deal/${dealId}`;
          }}
        />
      ) : null}
      {collection === 'venues' ? (
        <section data-testid="dir-linked">
          <h3>{dt('linked')}</h3>
          {linked.length === 0 ? (
            <p className="muted">{dt('linked.none')}</p>
          ) : (
            <ul>
              {linked.map((c) => (
                <li key={c.id}>
                  {`${c.firstName} ${c.lastName}`.trim()} — {c.role}
                  {c.email ? ` — ${c.email}` : ''}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <History collection={collection} id={id} history={history} onChange={setHistory} />
    </aside>
  );
}
