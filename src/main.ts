import { mount } from 'svelte';
import App from './app/App.svelte';
import { registerServiceWorker } from './app/offline/register.ts';
import './app/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html lacks #app');
mount(App, { target });
registerServiceWorker();
