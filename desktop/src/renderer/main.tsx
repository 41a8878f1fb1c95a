import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { MissingToken } from './app/MissingToken';
import { I18nProvider } from './i18n/I18nProvider';
import { connectRpc } from './rpc/client';
import { RpcProvider } from './rpc/react';
import './styles/base.css';
import './styles/controls.css';
import './styles/auth.css';
import './styles/workspace.css';
import './styles/roster.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

const connection = connectRpc();

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {connection.ok ? (
        <RpcProvider client={connection.client}>
          <App />
        </RpcProvider>
      ) : (
        <MissingToken />
      )}
    </I18nProvider>
  </StrictMode>,
);
