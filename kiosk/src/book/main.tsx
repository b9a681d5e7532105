import '@luot/shared/ui/base.css';
import { mountApp } from '@luot/shared/ui';
import { BookApp } from './book-app.tsx';
import './book.css';

mountApp(BookApp);
