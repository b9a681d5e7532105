import '@luot/shared/ui/base.css';
import { mountApp } from '@luot/shared/ui';
import { App } from './app.tsx';
import './styles.css';
import './styles/controls.css';
import './styles/forms.css';
import './styles/lists.css';
import './styles/desk.css';
import './styles/board.css';
import './styles/board-side.css';
import './styles/board-lookup.css';
import './styles/alerts.css';
import './styles/admin.css';
import './styles/reports.css';
import './styles/reports-print.css';
import './styles/hub.css';
import './styles/setup.css';

mountApp(App);
