/** The day sheet and tour book PDF dialogs (the shared export dialog, with a language and a period). */
import type { PdfLang } from '@flowstage/shared';
import { useId, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useRpc } from '../rpc/react';
import { ExportDialog } from '../ui/ExportDialog';
import { pdfFileName } from './logic';
import { useAdvT } from './messages';

function LangField({
  value,
  onChange,
  testId,
}: {
  value: PdfLang;
  onChange(l: PdfLang): void;
  testId: string;
}) {
  const at = useAdvT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{at('pdf.lang')}</label>
      <select
        id={id}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value === 'en' ? 'en' : 'fr')}
        data-testid={testId}
      >
        <option value="fr">{at('lang.fr')}</option>
        <option value="en">{at('lang.en')}</option>
      </select>
    </div>
  );
}

export function DaySheetDialog({
  dealId,
  artistName,
  date,
  onClose,
}: {
  dealId: string;
  artistName: string;
  date: string;
  onClose(): void;
}) {
  const at = useAdvT();
  const rpc = useRpc();
  const { lang: uiLang } = useI18n();
  const [lang, setLang] = useState<PdfLang>(uiLang);
  return (
    <ExportDialog
      title={at('daySheet.title')}
      fileName={pdfFileName(at('daySheet.file'), artistName, date)}
      describeCount={(n) => at('pdf.pages', { n })}
      testId="adv-daysheet"
      onExport={(path) => rpc.call('advancing.daySheetPdf', { dealId, lang, path })}
      onClose={onClose}
    >
      <LangField value={lang} onChange={setLang} testId="adv-daysheet-lang" />
    </ExportDialog>
  );
}

export function TourBookDialog({
  artistId,
  artistName,
  from: initialFrom,
  to: initialTo,
  onClose,
}: {
  artistId: string;
  artistName: string;
  from: string;
  to: string;
  onClose(): void;
}) {
  const at = useAdvT();
  const rpc = useRpc();
  const { lang: uiLang } = useI18n();
  const ids = useId();
  const [lang, setLang] = useState<PdfLang>(uiLang);
  const [from, setFrom] = useState(initialFrom);
  const [to, setTo] = useState(initialTo);
  return (
    <ExportDialog
      title={at('tourBook.title')}
      fileName={pdfFileName(at('tourBook.file'), artistName, `${initialFrom} ${initialTo}`)}
      describeCount={(n) => at('pdf.pages', { n })}
      testId="adv-tourbook"
      onExport={(path) => rpc.call('advancing.tourBookPdf', { artistId, from, to, lang, path })}
      onClose={onClose}
    >
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${ids}-from`}>{at('filter.from')}</label>
          <input
            id={`${ids}-from`}
            type="date"
            className="input"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="adv-tourbook-from"
          />
        </div>
        <div className="field">
          <label htmlFor={`${ids}-to`}>{at('filter.to')}</label>
          <input
            id={`${ids}-to`}
            type="date"
            className="input"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            data-testid="adv-tourbook-to"
          />
        </div>
      </div>
      <LangField value={lang} onChange={setLang} testId="adv-tourbook-lang" />
    </ExportDialog>
  );
}
