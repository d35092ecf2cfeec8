/**
 * The pane-js figure's baseline (bench/pane-js.figure.ts): the barest Fluent UI page, React 18 with FluentProvider
 * (webLightTheme), one Button and one Text, built by the pane's own webpack config (`--env page=bare`).
 */
import { Button, FluentProvider, Text, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <Button appearance="primary">校验</Button>
    <Text>学籍更正助手</Text>
  </FluentProvider>,
);
