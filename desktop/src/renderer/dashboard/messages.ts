/** The dashboard's messages (FR/EN), kept here so the shared dictionaries stay untouched. */
import { useI18n } from '../i18n/I18nProvider';

const en = {
  'nav.dashboard': 'Dashboard',
  title: 'Dashboard',
  loading: 'Loading…',
  today: 'Today: {date}',
  'upcoming.title': 'Upcoming shows',
  'upcoming.hint': 'Firm deals in the next 30 days',
  'upcoming.empty': 'No firm show in the next 30 days.',
  'expiring.title': 'Holds expiring',
  'expiring.hint': 'Within 7 days',
  'expiring.empty': 'No hold expires within 7 days.',
  'expiring.at': 'expires {when}',
  'challenges.title': 'Challenges due',
  'challenges.hint': 'Pending challenges, by deadline',
  'challenges.empty': 'No pending challenge.',
  'challenges.deadline': 'answer by {when}',
  more: '{n} more in the pipeline',
  'stages.title': 'Deals by stage',
  'stages.stage': 'Stage',
  'stages.count': 'Deals',
  'stages.guarantees': 'Guarantees',
  'revenue.title': 'Revenue by month',
  'revenue.hint': 'Guarantees and agency commission of confirmed-or-later shows',
  'revenue.empty': 'No confirmed show in these 12 months.',
  'revenue.guarantee': 'Guarantees',
  'revenue.commission': 'Agency commission',
  'revenue.month': 'Month',
  'revenue.chart': 'Revenue by month in {currency}: guarantees and agency commission, {from} to {to}',
  'revenue.bar': '{month}: guarantees {guarantee}, commission {commission}',
  'revenue.table': 'Show as a table',
  hold: '{n} hold',
  'stage.request': 'Request',
  'stage.hold': 'Hold',
  'stage.offer': 'Offer',
  'stage.confirmed': 'Confirmed',
  'stage.contract_sent': 'Contract sent',
  'stage.contract_signed': 'Contract signed',
  'stage.advanced': 'Advanced',
  'stage.played': 'Played',
  'stage.settled': 'Settled',
  'stage.declined': 'Declined',
  'stage.released': 'Released',
  'stage.cancelled': 'Cancelled',
} as const;

type Key = keyof typeof en;
export type DashKey = Key;

const fr: Record<Key, string> = {
  'nav.dashboard': 'Tableau de bord',
  title: 'Tableau de bord',
  loading: 'Chargement…',
  today: 'Aujourd’hui : {date}',
  'upcoming.title': 'Prochains concerts',
  'upcoming.hint': 'Affaires fermes des 30 prochains jours',
  'upcoming.empty': 'Aucun concert ferme dans les 30 prochains jours.',
  'expiring.title': 'Options qui expirent',
  'expiring.hint': 'Dans les 7 jours',
  'expiring.empty': 'Aucune option n’expire dans les 7 jours.',
  'expiring.at': 'expire {when}',
  'challenges.title': 'Challenges à traiter',
  'challenges.hint': 'Challenges en attente, par échéance',
  'challenges.empty': 'Aucun challenge en attente.',
  'challenges.deadline': 'réponse avant {when}',
  more: '{n} de plus dans le pipeline',
  'stages.title': 'Affaires par étape',
  'stages.stage': 'Étape',
  'stages.count': 'Affaires',
  'stages.guarantees': 'Garanties',
  'revenue.title': 'Chiffre d’affaires par mois',
  'revenue.hint': 'Garanties et commission d’agence des concerts confirmés ou au-delà',
  'revenue.empty': 'Aucun concert confirmé sur ces 12 mois.',
  'revenue.guarantee': 'Garanties',
  'revenue.commission': 'Commission d’agence',
  'revenue.month': 'Mois',
  'revenue.chart':
    'Chiffre d’affaires par mois en {currency} : garanties et commission d’agence, de {from} à {to}',
  'revenue.bar': '{month} : garanties {guarantee}, commission {commission}',
  'revenue.table': 'Afficher en tableau',
  hold: '{n} option',
  'stage.request': 'Demande',
  'stage.hold': 'Option',
  'stage.offer': 'Offre',
  'stage.confirmed': 'Confirmée',
  'stage.contract_sent': 'Contrat envoyé',
  'stage.contract_signed': 'Contrat signé',
  'stage.advanced': 'Préparée',
  'stage.played': 'Jouée',
  'stage.settled': 'Soldée',
  'stage.declined': 'Refusée',
  'stage.released': 'Libérée',
  'stage.cancelled': 'Annulée',
};

export const dashboardMessages = { en, fr };

/** "1st", "2nd", "3rd", "4th" / "1ʳᵉ", "2ᵉ": a hold rank. */
export function ordinal(n: number, lang: 'fr' | 'en'): string {
  if (lang === 'fr') return n === 1 ? '1ʳᵉ' : `${n}ᵉ`;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

export type DashT = (key: Key, vars?: Record<string, string | number>) => string;

export function dashT(lang: 'fr' | 'en'): DashT {
  const dict: Record<Key, string> = lang === 'fr' ? fr : en;
  return (key, vars) =>
    (dict[key] ?? key).replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars ? String(vars[name]) : m,
    );
}

export function useDashT(): DashT {
  const { lang } = useI18n();
  return dashT(lang);
}
