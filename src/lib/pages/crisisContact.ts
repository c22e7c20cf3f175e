import { formatNumber, telText, telUrl, type Lang } from '../format.ts';
import { t } from '../i18n.ts';
import type { Facility } from '../../schemas/facility.ts';
import { addressLine } from './facilityPage.ts';

/**
 * How a crisis list (area and radius lists) shows a facility's contact: its own phone and e-mail, or, where it has
 * neither, its operator's (Träger) contact labelled as such; places and operator beside. Display-ready; pure.
 */
export interface CrisisContactCells {
  places: string;
  provider: string;
  phone?: { href: string; text: string } | undefined;
  email?: { href: string; text: string } | undefined;
  /** Present only when the facility itself has no phone and no e-mail. */
  operator?:
    | {
        label: string;
        note: string;
        phone?: { href: string; text: string } | undefined;
        email?: { href: string; text: string } | undefined;
        address?: string | undefined;
      }
    | undefined;
}

/** The operator's contact as a crisis list shows it. */
export interface OperatorContact {
  phone?: string | undefined;
  email?: string | undefined;
  /** One line. */
  address?: string | undefined;
}

/**
 * The operator's contact as a crisis list's fallback: only for an entry with neither phone nor e-mail of its own, and
 * only what the source gives (address as one line).
 */
export function operatorFallback(f: Facility): OperatorContact | undefined {
  const c = f.providerContact;
  if (f.phone || f.email || !c || (!c.phone && !c.email && !c.address)) return undefined;
  return { phone: c.phone, email: c.email, address: c.address ? addressLine(c.address) : undefined };
}

/** The cells of one facility. */
export function crisisContactCells(
  f: {
    phone?: string | undefined;
    email?: string | undefined;
    places?: number | undefined;
    provider?: string | undefined;
    operatorContact?:
      { phone?: string | undefined; email?: string | undefined; address?: string | undefined } | undefined;
  },
  lang: Lang,
): CrisisContactCells {
  const tel = (p: string | undefined) => (p ? { href: telUrl(p), text: telText(p) } : undefined);
  const mail = (e: string | undefined) => (e ? { href: `mailto:${e}`, text: e } : undefined);
  const op = f.operatorContact;
  return {
    places: f.places === undefined ? '–' : formatNumber(f.places, 0, lang),
    provider: f.provider ?? '–',
    phone: tel(f.phone),
    email: mail(f.email),
    operator: op && {
      label: t(lang, 'operatorContactLabel'),
      note: t(lang, 'operatorContactNote'),
      phone: tel(op.phone),
      email: mail(op.email),
      address: op.address,
    },
  };
}
