import '@luot/shared/ui/base.css';
import { mountApp } from '@luot/shared/ui';
import { App } from './app.tsx';
import './styles.css';
import './styles/controls.css';
import './styles/fields.css';
import './styles/priority.css';
import './styles/ticket.css';
import './styles/pairing.css';
import './styles/check-in.css';
import './styles/phone.css';

mountApp(App);
