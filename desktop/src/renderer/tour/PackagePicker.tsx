/** Package tour: the other artists sharing the lead artist's van, added from the roster and removed one by one. */
import type { ArtistRow } from '@flowstage/shared';
import { useId } from 'react';
import type { TourT } from './messages';

/** Most partners a package takes (the contract's limit). */
const MAX_PARTNERS = 4;

interface PackagePickerProps {
  artists: readonly ArtistRow[];
  leadId: string;
  partnerIds: readonly string[];
  onChange(ids: string[]): void;
  t: TourT;
}

export function PackagePicker({ artists, leadId, partnerIds, onChange, t }: PackagePickerProps) {
  const id = useId();
  if (!leadId) return null;
  const name = new Map(artists.map((a) => [a.id, a.name]));
  const addable = artists.filter((a) => a.id !== leadId && !partnerIds.includes(a.id));
  return (
    <div className="tour-package" data-testid="tour-package">
      {partnerIds
        .filter((p) => p !== leadId)
        .map((p) => (
          <span key={p} className="tour-package-chip" data-testid="tour-partner">
            {name.get(p) ?? p}
            <button
              type="button"
              className="tour-package-remove"
              aria-label={t('package.remove', { name: name.get(p) ?? p })}
              onClick={() => onChange(partnerIds.filter((x) => x !== p))}
            >
              ×
            </button>
          </span>
        ))}
      {partnerIds.length < MAX_PARTNERS ? (
        <>
          <label className="visually-hidden" htmlFor={`${id}-add`}>
            {t('package.add')}
          </label>
          <select
            id={`${id}-add`}
            className="input tour-package-add"
            value=""
            onChange={(e) => e.target.value && onChange([...partnerIds, e.target.value])}
            data-testid="tour-partner-add"
          >
            <option value="">{t('package.add')}</option>
            {addable.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </>
      ) : null}
    </div>
  );
}
