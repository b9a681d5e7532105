import '@luot/shared/ui/base.css';
import { mountApp } from '@luot/shared/ui';
import '../styles.css';
import '../styles/controls.css';
import '../styles/forms.css';
import '../styles/lists.css';
import '../styles/board.css';
import '../styles/alerts.css';
import '../styles/reports.css';
import '../styles/reports-print.css';
import '../styles/hub.css';
import { HubApp } from './hub-app.tsx';

mountApp(HubApp);
