import { render } from 'preact';
import { App } from './app';
import './styles/base.css';
import './styles/account.css';
import './styles/workspace.css';
import './styles/inbox.css';
import './styles/booking.css';
import './styles/calendar.css';
import './styles/dashboard.css';
import './styles/forms.css';
import './styles/inventory.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element');
render(<App />, root);
