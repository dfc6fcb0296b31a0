// Contact details shown on the legal pages. Placeholders (example domain) until the city
// confirms the real addresses; one place to change them.
export const SITE_CONTACT = {
  authority: 'Stadt Hagen',
  street: 'Rathausstraße 11',
  city: '58095 Hagen',
  accessibilityEmail: 'barrierefreiheit@hagen.example',
  privacyEmail: 'datenschutz@hagen.example',
  statementDate: '2026-11-25',
};
