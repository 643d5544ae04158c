export const unlockTexts = {
  nb: {
    titleUnset: 'Velg en passordfrase for nøklene',
    titleLocked: 'Lås opp nøklene',
    explainUnset:
      'Denne maskinen har ingen nøkkelring Klientdesk kan bruke, så de private nøklene krypteres med en passordfrase du velger. Passordfrasen lagres ikke noe sted: uten den kan ingen åpne nøklene, heller ikke den som får en kopi av datamappen.',
    explainLocked:
      'De private nøklene er krypteret med passordfrasen din. Skriv den én gang, så er nøklene åpne til Klientdesk lukkes. Det gjelder alle miljøer, også Demo.',
    legacy_one: 'Én nøkkel er lagret på den gamle måten og krypteres på nytt med den nye passordfrasen.',
    legacy_other: '{{count}} nøkler er lagret på den gamle måten og krypteres på nytt med den nye passordfrasen.',
    forget: 'Glemmer du passordfrasen, kan nøklene ikke åpnes igjen. Da må du lage nye nøkler og laste dem opp til Maskinporten.',
    passphrase: 'Passordfrase',
    repeat: 'Gjenta passordfrasen',
    minLength: 'Minst {{count}} tegn. En setning med flere ord er lett å huske og vanskelig å gjette.',
    mismatch: 'De to passordfrasene er ikke like.',
    tooShort: 'Passordfrasen må ha minst {{count}} tegn.',
    choose: 'Velg passordfrase',
    unlock: 'Lås opp',
    later: 'Senere',
    failed: 'Nøklene ble ikke åpnet',
  },
  en: {
    titleUnset: 'Choose a passphrase for the keys',
    titleLocked: 'Unlock the keys',
    explainUnset:
      'This computer has no key store Klientdesk can use, so the private keys are encrypted with a passphrase you choose. The passphrase is not stored anywhere: without it nobody can open the keys, not even someone with a copy of the data folder.',
    explainLocked:
      'The private keys are encrypted with your passphrase. Type it once and the keys stay open until Klientdesk closes. This applies to every environment, Demo included.',
    legacy_one: 'One key is stored the old way and will be encrypted again with the new passphrase.',
    legacy_other: '{{count}} keys are stored the old way and will be encrypted again with the new passphrase.',
    forget: 'If you forget the passphrase, the keys cannot be opened again. You would then make new keys and upload them to Maskinporten.',
    passphrase: 'Passphrase',
    repeat: 'Repeat the passphrase',
    minLength: 'At least {{count}} characters. A sentence of a few words is easy to remember and hard to guess.',
    mismatch: 'The two passphrases are not the same.',
    tooShort: 'The passphrase needs at least {{count}} characters.',
    choose: 'Choose passphrase',
    unlock: 'Unlock',
    later: 'Later',
    failed: 'The keys were not opened',
  },
};
