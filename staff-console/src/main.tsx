import '@luot/shared/ui/base.css';
import { mountApp } from '@luot/shared/ui';
import { App } from './app.tsx';
import './styles.css';

mountApp(App);
