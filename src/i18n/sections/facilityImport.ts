/** Texts for facilities from imports: entries whose source gives no address. */
export const de = {
  /** Shown instead of the address of an entry whose source gives none (nothing is invented). */
  addressNotRecorded: 'Adresse nicht erfasst',
};

export const en: typeof de = {
  addressNotRecorded: 'Address not recorded',
};
