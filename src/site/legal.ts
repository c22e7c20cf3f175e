/** The four legal pages every atlas has (BITV 2.0, § 5 DDG, DSGVO), with their fixed slugs. */
export const LEGAL_PAGES = [
  { key: 'impressum', slug: 'impressum', title: { de: 'Impressum', en: 'Imprint' } },
  { key: 'datenschutz', slug: 'datenschutz', title: { de: 'Datenschutzerklärung', en: 'Privacy notice' } },
  {
    key: 'barrierefreiheit',
    slug: 'barrierefreiheit',
    title: { de: 'Erklärung zur Barrierefreiheit', en: 'Accessibility statement' },
  },
  { key: 'leichteSprache', slug: 'leichte-sprache', title: { de: 'Leichte Sprache', en: 'Easy German' } },
] as const;
