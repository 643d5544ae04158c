export const batchesTexts = {
  nb: { title: 'Bunker' },
  en: { title: 'Batches' },
};
