/**
 * Venues and contacts: a searchable, sortable, tag-filtered list (a plain table, to be
 * switched to the shared table later), a detail panel with editing, tags, linked contacts
 * and interaction history, CSV import (mapping → preview → all-or-nothing) and CSV export.
 */
import type { VenueRow } from '@flowstage/shared';
import { useEffect, useState } from 'react';
import { errorMessage } from '../i18n/errors';
import { useI18n } from '../i18n/I18nProvider';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useRpc } from '../rpc/react';
import { useDirT } from './messages';

export function VenuePicker({
  contactId,
  venueId,
  onChange,
}: {
  /** The contact whose link is saved at once; absent: only `onChange` (a form's field). */
  contactId?: string | undefined;
  venueId: string | null;
  onChange(id: string | null): void;
}) {
  const dt = useDirT();
  const i18n = useI18n();
  const rpc = useRpc();
  const [name, setName] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query.trim(), 250);
  const [matches, setMatches] = useState<VenueRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!venueId) {
      setName(null);
      return;
    }
    rpc.call('venue.get', { id: venueId }).then(
      (d) => setName(`${d.venue.name}, ${d.venue.city}`),
      () => setName(venueId),
    );
  }, [rpc, venueId]);
  useEffect(() => {
    if (!search) {
      setMatches([]);
      return;
    }
    rpc.call('venues.list', { search }).then(
      (r) => setMatches(r.slice(0, 8)),
      () => setMatches([]),
    );
  }, [rpc, search]);
  const link = async (id: string | null) => {
    try {
      if (contactId) await rpc.call('contact.update', { id: contactId, patch: { venueId: id } });
      onChange(id);
      setQuery('');
      setError(null);
    } catch (err) {
      setError(errorMessage(i18n, err));
    }
  };
  return (
    <section data-testid="dir-venue-link">
      <h3>{dt('venue')}</h3>
      <p data-testid="dir-venue-current">
        {name ?? <span className="muted">{dt('venue.none')}</span>}{' '}
        {venueId ? (
          <button type="button" className="button button-ghost button-small" onClick={() => void link(null)}>
            {dt('venue.unlink')}
          </button>
        ) : null}
      </p>
      <input
        type="search"
        className="input"
        aria-label={dt('venue.search')}
        placeholder={dt('venue.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="dir-venue-search"
      />
      <ul className="venue-matches">
        {matches.map((v) => (
          <li key={v.id}>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => void link(v.id)}
              data-testid="dir-venue-match"
            >
              {v.name}, {v.city}
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
