/**
 * The words of the day sheet and tour book PDFs (FR/EN), and their date and money
 * formats (Intl, 'fr-FR' / 'en-GB'). Kept in the core: the PDFs are drawn here.
 */
import type { ContactRole, DealType, EventKind, PdfLang } from '@flowstage/shared';

const en = {
  daySheet: 'Day sheet',
  tourBook: 'Tour book',
  page: 'Page',
  artist: 'Artist',
  date: 'Date',
  venue: 'Venue',
  address: 'Address',
  city: 'City',
  capacity: 'Capacity',
  phone: 'Phone',
  email: 'E-mail',
  website: 'Website',
  schedule: 'Schedule',
  time: 'Time',
  item: 'What',
  noSchedule: 'No schedule yet.',
  production: 'Production',
  hospitality: 'Hospitality',
  notSet: 'Not set yet.',
  contacts: 'Contacts',
  name: 'Name',
  role: 'Role',
  noContacts: 'No contact chosen.',
  guestList: 'Guest list',
  guest: 'Guest',
  plusOnes: 'Plus-ones',
  note: 'Note',
  noGuests: 'No guest.',
  guestTotal: 'Total: {heads} people ({guests} names, {plus} plus-ones)',
  events: 'Travel and other events of the day',
  deal: 'Deal',
  dealType: 'Deal structure',
  guarantee: 'Guarantee',
  period: 'Period',
  shows: 'Shows',
  itinerary: 'Itinerary',
  travel: 'Travel',
  fromHome: 'from home ({city})',
  sameCity: 'same city',
  offDays: 'Days off, travel and other events',
  kind: 'Kind',
  noShows: 'No firm show in this period.',
  standing: 'standing',
  seated: 'seated',
  'role.promoter': 'Promoter',
  'role.programmer': 'Programmer',
  'role.production': 'Production',
  'role.venue_manager': 'Venue manager',
  'role.tour_manager': 'Tour manager',
  'role.press': 'Press',
  'role.agent': 'Agent',
  'type.flat': 'Flat guarantee',
  'type.guarantee_bonus': 'Guarantee + bonus',
  'type.versus_net': 'Versus (net)',
  'type.versus_gross': 'Versus gross',
  'type.door': 'Door deal',
  'type.percentage': 'Percentage',
  'type.co_headline': 'Co-headline split',
  'event.show': 'Show',
  'event.hold': 'Hold',
  'event.travel': 'Travel',
  'event.day_off': 'Day off',
  'event.promo': 'Promo',
  'event.rehearsal': 'Rehearsal',
};

export type AdvancingLabelKey = keyof typeof en;

const fr: Record<AdvancingLabelKey, string> = {
  daySheet: 'Feuille de route',
  tourBook: 'Carnet de tournée',
  page: 'Page',
  artist: 'Artiste',
  date: 'Date',
  venue: 'Salle',
  address: 'Adresse',
  city: 'Ville',
  capacity: 'Jauge',
  phone: 'Téléphone',
  email: 'E-mail',
  website: 'Site web',
  schedule: 'Horaires',
  time: 'Heure',
  item: 'Quoi',
  noSchedule: 'Pas encore d’horaires.',
  production: 'Production (technique)',
  hospitality: 'Accueil (hospitalité)',
  notSet: 'Pas encore renseigné.',
  contacts: 'Contacts',
  name: 'Nom',
  role: 'Rôle',
  noContacts: 'Aucun contact choisi.',
  guestList: 'Liste d’invités',
  guest: 'Invité',
  plusOnes: 'Accompagnants',
  note: 'Note',
  noGuests: 'Aucun invité.',
  guestTotal: 'Total : {heads} personne(s) ({guests} nom(s), {plus} accompagnant(s))',
  events: 'Trajets et autres événements du jour',
  deal: 'Contrat',
  dealType: 'Type de contrat',
  guarantee: 'Garantie',
  period: 'Période',
  shows: 'Dates',
  itinerary: 'Itinéraire',
  travel: 'Trajet',
  fromHome: 'depuis la base ({city})',
  sameCity: 'même ville',
  offDays: 'Jours off, trajets et autres événements',
  kind: 'Type',
  noShows: 'Aucune date ferme sur cette période.',
  standing: 'debout',
  seated: 'assis',
  'role.promoter': 'Organisateur',
  'role.programmer': 'Programmateur',
  'role.production': 'Régie / production',
  'role.venue_manager': 'Direction de salle',
  'role.tour_manager': 'Tour manager',
  'role.press': 'Presse',
  'role.agent': 'Agent',
  'type.flat': 'Cachet fixe',
  'type.guarantee_bonus': 'Garantie + bonus',
  'type.versus_net': 'Versus (net)',
  'type.versus_gross': 'Versus brut',
  'type.door': 'Recette de porte',
  'type.percentage': 'Pourcentage',
  'type.co_headline': 'Co-plateau (partage)',
  'event.show': 'Concert',
  'event.hold': 'Option',
  'event.travel': 'Trajet',
  'event.day_off': 'Jour off',
  'event.promo': 'Promo',
  'event.rehearsal': 'Répétition',
};

export const ADVANCING_LABELS: Readonly<Record<PdfLang, Readonly<Record<AdvancingLabelKey, string>>>> = {
  en,
  fr,
};

const LOCALES: Readonly<Record<PdfLang, string>> = { fr: 'fr-FR', en: 'en-GB' };

export interface AdvancingWords {
  lang: PdfLang;
  locale: string;
  t(key: AdvancingLabelKey, vars?: Record<string, string | number>): string;
  role(role: ContactRole): string;
  dealType(type: DealType): string;
  eventKind(kind: EventKind): string;
  /** "samedi 14 mars 2026" / "Saturday 14 March 2026". */
  longDate(date: string): string;
  /** "sam. 14 mars" / "Sat 14 Mar". */
  shortDate(date: string): string;
  /** An ISO instant as local time (Europe/Paris) "18:30". */
  time(instant: string): string;
  /** Integer minor units as money: 150050 EUR → "1 500,50 €" / "€1,500.50". */
  money(minor: number, currency: string): string;
  number(n: number): string;
}

/** "1234.56" from 123456 (2 digits), exactly (no floating point). */
export function minorToDecimal(minor: number, digits = 2): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an integer amount: ${minor}`);
  const sign = minor < 0 ? '-' : '';
  const abs = String(Math.abs(minor)).padStart(digits + 1, '0');
  return digits === 0
    ? `${sign}${abs}`
    : `${sign}${abs.slice(0, abs.length - digits)}.${abs.slice(abs.length - digits)}`;
}

/** Arrows (and the like) the standard PDF fonts cannot print, in ASCII. */
export function pdfSafe(text: string): string {
  return text.replace(/\s*[→⇒➔]\s*/g, ' -> ').replace(/[←]/g, '<-');
}

export function advancingWords(lang: PdfLang): AdvancingWords {
  const dict = ADVANCING_LABELS[lang];
  const locale = LOCALES[lang];
  const long = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const short = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  const clock = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone: 'Europe/Paris',
  });
  const numbers = new Intl.NumberFormat(locale);
  const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);
  const t = (key: AdvancingLabelKey, vars?: Record<string, string | number>) =>
    dict[key].replace(/\{(\w+)\}/g, (m, name: string) =>
      vars && name in vars
        ? String(typeof vars[name] === 'number' ? numbers.format(vars[name]) : vars[name])
        : m,
    );
  return {
    lang,
    locale,
    t,
    role: (role) => dict[`role.${role}`],
    dealType: (type) => dict[`type.${type}`],
    eventKind: (kind) => dict[`event.${kind}`],
    longDate: (date) => long.format(utc(date)),
    shortDate: (date) => short.format(utc(date)),
    time: (instant) => clock.format(new Date(instant)),
    money: (minor, currency) => {
      const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency });
      const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
      // A decimal string keeps the amount exact (Intl formats strings without a float).
      return fmt.format(minorToDecimal(minor, digits) as `${number}`);
    },
    number: (n) => numbers.format(n),
  };
}
