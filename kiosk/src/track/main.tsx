import '@luot/shared/ui/base.css';
import { mountApp } from '@luot/shared/ui';
import { TrackApp } from './track-app.tsx';
import './track.css';

mountApp(TrackApp);
