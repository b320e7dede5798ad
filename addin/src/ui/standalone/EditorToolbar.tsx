/**
 * The standalone page's editor tools: finish tracked changes (accept all / reject all),
 * copy the clean text, and download the editor's content as .docx — with its tracked
 * changes as Word revisions, or with them accepted. Word has all of this itself.
 */
import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger, Text, Toolbar, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BrowserHost } from '../../host/BrowserHost';
import { useT } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS, padding: 0 },
  note: { color: tokens.colorNeutralForeground3, wordBreak: 'keep-all', overflowWrap: 'anywhere' },
});

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function EditorToolbar({ host }: { host: BrowserHost }) {
  const { t } = useT();
  const styles = useStyles();
  const [note, setNote] = useState('');

  const finish = (accept: boolean) => {
    const n = accept ? host.acceptAllChanges() : host.rejectAllChanges();
    setNote(n ? t(accept ? 'edAccepted' : 'edRejected', { n }) : t('edNoChanges'));
  };
  const copyClean = async () => {
    try {
      await navigator.clipboard.writeText(host.cleanText());
      setNote(t('edCopied'));
    } catch {
      setNote(t('edCopyFailed'));
    }
  };
  const saveDocx = async (tracked: boolean) => {
    try {
      const { docxBlob } = await import(/* webpackChunkName: "docx" */ '../../host/browser/docx-export.js');
      download(await docxBlob(host.content(), tracked), tracked ? 'sseugi-tracked.docx' : 'sseugi.docx');
    } catch {
      setNote(t('edDownloadFailed'));
    }
  };

  return (
    <>
      <Toolbar aria-label={t('edToolbar')} className={styles.bar} size="small" data-testid="editor-toolbar">
        <Button size="small" onClick={() => finish(true)} data-testid="ed-accept-all">
          {t('edAcceptAll')}
        </Button>
        <Button size="small" onClick={() => finish(false)} data-testid="ed-reject-all">
          {t('edRejectAll')}
        </Button>
        <Button size="small" onClick={() => void copyClean()} data-testid="ed-copy-clean">
          {t('edCopyClean')}
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button size="small" data-testid="ed-download">
              .docx
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void saveDocx(true)} data-testid="ed-download-tracked">
                {t('edDownloadTracked')}
              </MenuItem>
              <MenuItem onClick={() => void saveDocx(false)} data-testid="ed-download-clean">
                {t('edDownloadClean')}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </Toolbar>
      <Text size={200} className={styles.note} role="status" data-testid="ed-note">
        {note}
      </Text>
    </>
  );
}
