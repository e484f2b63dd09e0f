import { useState } from 'preact/hooks';
import { apiKey, setApiKey } from './api/client';
import { ComparePage } from './pages/compare';
import { HomePage } from './pages/home';
import { JobPage } from './pages/job';
import { NetworksPage } from './pages/networks';
import { PricesPage } from './pages/prices';
import { ScenariosPage } from './pages/scenarios';
import { useRoute } from './ui/hooks';

const NAV = [
  ['', 'Overview'],
  ['networks', 'Networks'],
  ['prices', 'Prices (LMP)'],
  ['scenarios', 'Scenarios & solve'],
  ['compare', 'Compare'],
] as const;

function KeyField() {
  const [key, setKey] = useState(apiKey());
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="key-form"
      onSubmit={(e) => {
        e.preventDefault();
        setApiKey(key.trim());
        setSaved(true);
      }}
    >
      <label for="api-key">API key</label>
      <input id="api-key" type="password" autocomplete="off" value={key} placeholder="needed to create and solve" onInput={(e) => (setKey((e.target as HTMLInputElement).value), setSaved(false))} />
      <button type="submit">Save key</button>
      <span role="status" class="muted">
        {saved ? 'saved' : ''}
      </span>
    </form>
  );
}

export function App() {
  const route = useRoute();
  const [section = '', id] = route.parts;
  let page;
  switch (section) {
    case 'networks':
      page = <NetworksPage selected={id} />;
      break;
    case 'prices':
      page = <PricesPage selected={id} />;
      break;
    case 'scenarios':
      page = <ScenariosPage />;
      break;
    case 'jobs':
      page = id ? <JobPage id={id} /> : <HomePage />;
      break;
    case 'compare':
      page = <ComparePage a={route.params.get('a') ?? ''} b={route.params.get('b') ?? ''} />;
      break;
    default:
      page = <HomePage />;
  }
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header class="top">
        <span class="brand" aria-hidden="true">
          ⚡ GridHaul
        </span>
        <nav aria-label="Main">
          <ul>
            {NAV.map(([path, label]) => (
              <li key={path}>
                <a href={`#/${path}`} aria-current={section === path || (path === '' && section === 'jobs' && !id) ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <KeyField />
      </header>
      <main id="main" tabIndex={-1}>
        {page}
      </main>
    </>
  );
}
