import type { EditSummary } from '@flowstage/shared';
import { describe, expect, it } from 'vitest';
import { editHref, editLabel } from './label';
import { editsT } from './messages';

const edit = (over: Partial<EditSummary> = {}): EditSummary => ({
  seq: 1,
  docId: 'artist.a1',
  at: '2026-11-24T09:00:00.000Z',
  collection: 'deals',
  recordId: 'd1',
  records: 1,
  title: "Zaz — L'Olympia, Paris, 2026-05-01",
  fields: ['stage'],
  created: false,
  label: '',
  ...over,
});

describe('edit labels', () => {
  it('names the record and the fields, in French and English', () => {
    expect(editLabel(edit(), editsT('en'))).toBe("Deal Zaz — L'Olympia, Paris, 2026-05-01 — stage");
    expect(editLabel(edit(), editsT('fr'))).toBe("Affaire Zaz — L'Olympia, Paris, 2026-05-01 — étape");
    expect(
      editLabel(
        edit({ collection: 'venues', title: 'La Cigale, Paris', fields: ['city', 'futureField'] }),
        editsT('en'),
      ),
    ).toBe('Venue La Cigale, Paris — city, futureField');
    expect(editLabel(edit({ created: true, fields: [], records: 3 }), editsT('fr'))).toBe(
      "Affaire Zaz — L'Olympia, Paris, 2026-05-01 — création (+2)",
    );
  });

  it('links to the edited record', () => {
    expect(editHref(edit())).toBe('#/deal/d1');
    expect(editHref(edit({ collection: 'artists', recordId: 'a1' }))).toBe('#/artist/a1');
    expect(editHref(edit({ collection: 'events' }))).toBe('');
  });
});
