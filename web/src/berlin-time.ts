// The warden's <input type="datetime-local"> holds a wall-clock time without a zone; Hagen's
// offences happen in Berlin time. One implementation for server, workflows and browser:
// vite bundles the domain module (pure Intl, no Node APIs) into the web app.
export { berlinLocalToIso, isoToBerlinLocal } from '../../domain/berlin-time';
