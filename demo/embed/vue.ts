// The Vue example page against `npm start`'s reference server (open /embed/vue.html).
import { createApp } from 'vue';
import { RecipientCampaigns } from './vue-app.js';
import { loadDemoSetup } from './setup.js';

const { apiBase, token, recipients } = await loadDemoSetup();
createApp(RecipientCampaigns, { recipients, apiBase, token }).mount('#app');
