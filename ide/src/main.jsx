// Mounts GraphiQL on the page that /graphql serves to browsers. A separate script rather than an inline one, so
// the page runs under a Content-Security-Policy without 'unsafe-inline' or 'unsafe-eval'.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './ide.css';
import { exampleTabs } from './examples.js';

// The page is served at the endpoint itself, so its own address is where queries go, behind any path prefix.
const endpoint = new URL(window.location.pathname, window.location.origin).toString();
const fetcher = createGraphiQLFetcher({ url: endpoint });

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={exampleTabs}
    defaultEditorToolsVisibility="variables"
    isHeadersEditorEnabled={false}
    shouldPersistHeaders={false}
  />,
);
