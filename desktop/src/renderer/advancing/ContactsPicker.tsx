/** The contacts of a show day: chosen ones in order, suggestions, and a search of all contacts. */
import type { DayContact } from '@flowstage/shared';
import { useEffect, useState } from 'react';
import { useDebouncedValue } from '../lib/useDebouncedValue';
import { useRpc } from '../rpc/react';
import { contactName } from './logic';
import { useAdvT } from './messages';

interface ContactsPickerProps {
  chosenIds: string[];
  /** Every contact the editor knows by id (chosen, suggested, found). */
  known: ReadonlyMap<string, DayContact>;
  suggested: DayContact[];
  onFound(contacts: DayContact[]): void;
  onChange(ids: string[]): void;
}

function Line({ c }: { c: DayContact }) {
  const at = useAdvT();
  return (
    <span className="adv-contact">
      <strong>{contactName(c)}</strong>
      <span className="muted">
        {' '}
        · {at(`role.${c.role}`)}
        {c.phone ? ` · ${c.phone}` : ''}
        {c.email ? ` · ${c.email}` : ''}
      </span>
    </span>
  );
}

export function ContactsPicker({ chosenIds, known, suggested, onFound, onChange }: ContactsPickerProps) {
  const at = useAdvT();
  const rpc = useRpc();
  const [query, setQuery] = useState('');
  const search = useDebouncedValue(query.trim(), 250);
  const [found, setFound] = useState<DayContact[]>([]);
  useEffect(() => {
    if (!search) {
      setFound([]);
      return;
    }
    let live = true;
    rpc.call('contacts.list', { search }).then(
      (rows) => {
        if (!live) return;
        const list = rows.slice(0, 8).map((r) => ({
          id: r.id,
          firstName: r.firstName,
          lastName: r.lastName,
          role: r.role,
          company: r.company,
          email: r.email,
          phone: r.phone,
          venueId: r.venueId,
        }));
        setFound(list);
        onFound(list);
      },
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
  }, [rpc, search, onFound]);

  const chosen = new Set(chosenIds);
  const add = (id: string) => onChange([...chosenIds, id]);
  const offer = (list: DayContact[], testId: string) =>
    list
      .filter((c) => !chosen.has(c.id))
      .map((c) => (
        <li key={c.id} data-contact-id={c.id} data-testid={testId}>
          <Line c={c} />{' '}
          <button
            type="button"
            className="button button-small"
            aria-label={at('contacts.add', { name: contactName(c) })}
            onClick={() => add(c.id)}
            data-testid="adv-contact-add"
          >
            +
          </button>
        </li>
      ));

  return (
    <section className="adv-section" data-testid="adv-contacts">
      <h3>{at('contacts')}</h3>
      {chosenIds.length === 0 ? <p className="muted">{at('contacts.none')}</p> : null}
      <ul className="adv-list">
        {chosenIds.map((id) => {
          const c = known.get(id);
          const name = c ? contactName(c) : id;
          return (
            <li key={id} data-contact-id={id} data-testid="adv-contact-chosen">
              {c ? <Line c={c} /> : <span>{id}</span>}{' '}
              <button
                type="button"
                className="button button-ghost button-small"
                aria-label={at('contacts.remove', { name })}
                onClick={() => onChange(chosenIds.filter((x) => x !== id))}
                data-testid="adv-contact-remove"
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {suggested.some((c) => !chosen.has(c.id)) ? (
        <>
          <h4 className="adv-subtitle">{at('contacts.suggested')}</h4>
          <ul className="adv-list">{offer(suggested, 'adv-contact-suggested')}</ul>
        </>
      ) : null}
      <input
        type="search"
        className="input adv-contact-search"
        aria-label={at('contacts.search')}
        placeholder={at('contacts.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="adv-contact-search"
      />
      {found.length > 0 ? <ul className="adv-list">{offer(found, 'adv-contact-found')}</ul> : null}
    </section>
  );
}
