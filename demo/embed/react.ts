// The React example page against `npm start`'s reference server (open /embed/react.html).
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { RecipientCampaigns } from './react-app.js';
import { loadDemoSetup } from './setup.js';

const { apiBase, token, recipients } = await loadDemoSetup();
createRoot(document.getElementById('app')!).render(createElement(RecipientCampaigns, { recipients, apiBase, token }));
