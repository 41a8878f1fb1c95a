/**
 * The tour planner: pick an artist and a window; candidates from holds, offers, requests and
 * open dates; optimise in a worker (progress, cancel); the tour on an offline map and a
 * timeline; pin, drop or move stops with instant re-evaluation; accept into the pipeline;
 * itinerary PDF.
 */
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { formatDate } from '../lib/dates';
import { formatMoney } from '../lib/money';
import { useRpc } from '../rpc/react';
import { ExportDialog } from '../ui/ExportDialog';
import { ArtistPeriodFilter } from '../ui/ArtistPeriodFilter';
import { PageHeader } from '../ui/PageHeader';
import { AcceptDialog } from './AcceptDialog';
import { CandidateList } from './CandidateList';
import type { Describe } from './describe';
import { acceptStops, itineraryDoc, mapLegs, mapStops, stopName } from './logic';
import { TourMap } from './map/TourMap';
import { useTourT } from './messages';
import { PackagePicker } from './PackagePicker';
import { SettingsPanel } from './SettingsPanel';
import { Timeline } from './Timeline';
import { TotalsBar } from './TotalsBar';
import { TourToolbar } from './TourToolbar';
import { useTourPlan, windowValid } from './useTourPlan';
import './tour.css';

export function TourScreen() {
  const plan = useTourPlan();
  const t = useTourT();
  const rpc = useRpc();
  const { locale, lang } = useI18n();
  const [selectedId, setSelectedId] = useState<string | undefined>();
  const [acceptOpen, setAcceptOpen] = useState(false);
  const [pdfOpen, setPdfOpen] = useState(false);
  const { loaded, problem, result, settings } = plan;
  const currency = problem?.currency ?? 'EUR';
  const homeLabel = loaded
    ? t('home', { city: loaded.data.artist.homeCity || loaded.data.problem.home.label })
    : '';
  const endLabel = problem?.end ? `${t('end')} (${problem.end.label})` : homeLabel;

  const describe: Describe = useMemo(
    () => ({
      t,
      locale,
      name: (id: string) =>
        id === 'home'
          ? homeLabel
          : id === 'end'
            ? endLabel
            : loaded && problem
              ? stopName(id, loaded.infos, problem)
              : id,
      money: (minor: number) => formatMoney(minor, currency, locale),
      date: (iso: string) => formatDate(iso, locale),
    }),
    [t, locale, currency, homeLabel, endLabel, loaded, problem],
  );

  const markers = useMemo(
    () =>
      problem && result
        ? mapStops(problem, result, { home: homeLabel, end: endLabel, stop: (id) => describe.name(id) })
        : [],
    [problem, result, homeLabel, endLabel, describe],
  );
  const legs = useMemo(
    () => (problem && result ? mapLegs(problem, result, locale) : []),
    [problem, result, locale],
  );

  const ready = Boolean(problem && result) && plan.loadState.kind === 'idle';
  const artistName = loaded?.data.artist.name ?? '';
  const fileName = `${t('pdf.file')} ${artistName} ${plan.from} ${plan.to}.pdf`.replace(/[/\\:*?"<>|]/g, '-');
  const stopCount = result?.itinerary.stops.length ?? null;

  return (
    <section className="tour-screen" data-testid="tour-screen" data-ready={ready ? 'true' : undefined}>
      <PageHeader
        title={t('title')}
        count={stopCount !== null ? t('count', { n: stopCount }) : null}
        countTestId="tour-count"
      >
        <ArtistPeriodFilter
          artists={plan.artists}
          artistId={plan.artistId}
          from={plan.from}
          to={plan.to}
          onArtist={plan.setArtistId}
          onFrom={plan.setFrom}
          onTo={plan.setTo}
          labels={{ artist: t('artist'), allArtists: t('pickArtist'), from: t('from'), to: t('to') }}
          testIdPrefix="tour"
          dateClassName="tour-pick"
        />
        <PackagePicker
          artists={plan.artists}
          leadId={plan.artistId}
          partnerIds={plan.partnerIds}
          onChange={plan.setPartnerIds}
          t={t}
        />
      </PageHeader>
      <TourToolbar
        t={t}
        ready={ready}
        progress={plan.progress}
        money={describe.money}
        onOptimise={plan.optimise}
        onCancel={plan.cancel}
        onAccept={() => setAcceptOpen(true)}
        onPdf={() => setPdfOpen(true)}
        onReload={plan.reload}
      />
      {!windowValid(plan.from, plan.to) ? (
        <p className="form-error tour-message" role="alert">
          {t('badWindow')}
        </p>
      ) : null}
      {plan.loadState.kind === 'loading' ? (
        <p className="muted tour-message" role="status" data-testid="tour-loading">
          {t('loading')}
        </p>
      ) : null}
      {plan.loadState.kind === 'failed' ? (
        <p className="form-error tour-message" role="alert" data-testid="tour-load-error">
          {t('loadFailed', { message: plan.loadState.message })}
        </p>
      ) : null}
      {loaded && loaded.data.unlocated.length > 0 ? (
        <p className="tour-message tour-notice" role="status" data-testid="tour-unlocated">
          {t('unlocated', {
            names: loaded.data.unlocated.map((u) => `${u.venueName} (${u.city || u.country})`).join(', '),
          })}
        </p>
      ) : null}
      {plan.notice?.kind === 'cancelled' ? (
        <p className="tour-message tour-notice" role="status" data-testid="tour-cancelled">
          {t('cancelled')}
        </p>
      ) : null}
      {plan.notice?.kind === 'failed' ? (
        <p className="form-error tour-message" role="alert" data-testid="tour-solve-error">
          {t('solveFailed', { message: plan.notice.message })}
        </p>
      ) : null}
      {loaded && problem && result && settings ? (
        <div className="tour-body" data-testid="tour-body">
          <TotalsBar result={result} describe={describe} />
          <div className="tour-main">
            <div className="tour-map-wrap">
              <TourMap
                stops={markers}
                legs={legs}
                selectedId={selectedId}
                onSelect={setSelectedId}
                labels={{
                  zoomIn: t('map.zoomIn'),
                  zoomOut: t('map.zoomOut'),
                  reset: t('map.reset'),
                  map: t('map.label'),
                }}
                height={380}
              />
            </div>
            <SettingsPanel
              settings={settings}
              currency={currency}
              openDates={plan.openDates}
              timeS={plan.timeS}
              disabled={plan.running}
              t={t}
              onChange={plan.setSettings}
              onOpenDates={plan.setOpenDates}
              onTimeS={plan.setTimeS}
            />
          </div>
          <Timeline
            problem={problem}
            result={result}
            infos={loaded.infos}
            locale={locale}
            t={t}
            disabled={plan.running}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onMove={plan.move}
            onStep={plan.step}
          />
          <CandidateList
            problem={problem}
            result={result}
            infos={loaded.infos}
            describe={describe}
            disabled={plan.running}
            selectedId={selectedId}
            onSelect={setSelectedId}
            onPin={plan.pin}
            onUnpin={plan.unpin}
            onDrop={plan.drop}
            onRestore={plan.restore}
          />
        </div>
      ) : plan.loadState.kind === 'idle' && !plan.artistId ? (
        <p className="muted tour-message" data-testid="tour-empty">
          {t('empty')}
        </p>
      ) : null}
      {acceptOpen && loaded && result ? (
        <AcceptDialog
          artistId={plan.artistId}
          partnerIds={plan.partnerIds}
          stops={acceptStops(result, loaded.infos)}
          describe={describe}
          onClose={(accepted) => {
            setAcceptOpen(false);
            // The accepted holds replace the open dates: reload, keeping the tour.
            if (accepted) plan.reload();
          }}
        />
      ) : null}
      {pdfOpen && loaded && problem && result ? (
        <ExportDialog
          title={t('pdf.title')}
          fileName={fileName}
          describeCount={(n) => (n === 1 ? t('pdf.page') : t('pdf.pages', { n }))}
          testId="tour-pdf-export"
          onExport={(path) =>
            rpc.call('tour.pdf', {
              artistId: plan.artistId,
              from: problem.window.start,
              to: problem.window.end,
              lang,
              path,
              itinerary: itineraryDoc(problem, result, loaded.infos, {
                home: homeLabel,
                end: endLabel,
                fixed: t('pdf.status.fixed'),
                hold: t('pdf.status.hold'),
                newHold: t('pdf.status.new'),
              }),
            })
          }
          onClose={() => setPdfOpen(false)}
        />
      ) : null}
    </section>
  );
}
