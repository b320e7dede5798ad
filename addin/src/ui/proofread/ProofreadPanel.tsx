/** The proofread tab. The panel itself is its own chunk, loaded when the tab opens. */
import { Spinner } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import type { DocumentHost } from '../../host/DocumentHost';
import { useT } from '../i18n';

const ProofreadView = lazy(() =>
  import(/* webpackChunkName: "proofread" */ './ProofreadView.js').then((m) => ({ default: m.ProofreadView })),
);

export function ProofreadPanel({ host }: { host: DocumentHost }) {
  const { t } = useT();
  return (
    <Suspense fallback={<Spinner size="small" label={t('prChecking')} />}>
      <ProofreadView host={host} />
    </Suspense>
  );
}
