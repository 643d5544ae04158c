export const actorflowTexts = {
  nb: { title: 'Aktørflyt' },
  en: { title: 'ActorFlow' },
};
