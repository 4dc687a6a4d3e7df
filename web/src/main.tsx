/** Entry point: the bundled Arabic font, the styles, and the app. */
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/layout.css';
import './styles/reader.css';
import './styles/tables.css';
import './styles/forms.css';
import { render } from 'preact';
import { App } from './app.js';

const root = document.getElementById('app');
if (root) render(<App />, root);
