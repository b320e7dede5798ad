/**
 * The standalone page as a document workbench: the pane (App) works on the editor
 * (BrowserHost) until the user opens a file — with the button or by dropping it on the
 * document area — and then on that file (FileHost, read-only view). A toolbar above the
 * document opens, saves (the relay patches the original bytes in the mode chosen in
 * Settings; the browser downloads the copy) and closes the file, and reports what was
 * applied or skipped. The file's code (session, host, ledger) is a lazily loaded chunk.
 */
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens, useThemeClassName } from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { RelayError } from '../api/client';
import type { DocumentHost } from '../host/DocumentHost';
import { useSettings } from '../settings/context';
import { App } from '../ui/App';
import { useT } from '../ui/i18n';
import { DOC_TYPE_KEY } from '../ui/proofread/labels';
import { OPENABLE_EXTENSIONS, isOpenable, type ApplyResponse } from './api';
import type { FileSession } from './session';

/** What is open and the save report: loaded with the file's code, when a file is opened. */
const FileBar = lazy(() => import(/* webpackChunkName: "workbench" */ './FileBar.js').then((m) => ({ default: m.FileBar })));

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxWidth: '760px',
    margin: `0 auto ${tokens.spacingVerticalM}`,
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  dropping: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  view: {
    lineHeight: 1.7,
    whiteSpace: 'pre-wrap',
    cursor: 'text',
    '& p': { margin: '0 0 .6em' },
    '& h3': { margin: '.8em 0 .4em', fontSize: '1.15em' },
    '& .sseugi-cell': { borderLeft: `3px solid ${tokens.colorNeutralStroke2}`, paddingLeft: '8px' },
    '& ins': { color: '#0b6a0b', textDecorationLine: 'underline' },
    '& del': { color: '#a4262c' },
    '& .sseugi-direct': { backgroundColor: '#dff6dd' },
    '& mark.sseugi-comment': { backgroundColor: '#fff4ce' },
  },
});

type Status =
  { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'info'; message: string } | { kind: 'saved'; result: ApplyResponse };

/** Elements the workbench adds beside the editor: its toolbar and the file's view. */
function useWorkbenchElements(editor: HTMLElement): { bar: HTMLElement; view: HTMLElement; dropZone: HTMLElement } {
  const ref = useRef<{ bar: HTMLElement; view: HTMLElement; dropZone: HTMLElement } | null>(null);
  if (!ref.current) {
    const doc = editor.ownerDocument;
    const page = editor.parentElement ?? doc.body;
    const bar = doc.createElement('div');
    bar.id = 'sseugi-workbench-bar';
    if (page.parentElement) page.parentElement.insertBefore(bar, page);
    else doc.body.prepend(bar);
    const view = doc.createElement('div');
    view.id = 'sseugi-file-view';
    view.setAttribute('role', 'document');
    view.setAttribute('aria-readonly', 'true');
    view.hidden = true;
    editor.after(view);
    ref.current = { bar, view, dropZone: (editor.closest('main') as HTMLElement | null) ?? page };
  }
  return ref.current;
}

export function Workbench({ editorHost, editor }: { editorHost: DocumentHost; editor: HTMLElement }) {
  const { t, err } = useT();
  const styles = useStyles();
  const { settings, update } = useSettings();
  const { bar, view, dropZone } = useWorkbenchElements(editor);
  const [session, setSession] = useState<FileSession | null>(null);
  const [busy, setBusy] = useState<'opening' | 'saving' | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'none' });
  const [packNote, setPackNote] = useState('');
  const [pending, setPending] = useState({ edits: 0, notes: 0 });
  const [dropping, setDropping] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const unsaved = useRef(false);
  const sessionRef = useRef<FileSession | null>(null);
  sessionRef.current = session;
  const [generation, setGeneration] = useState(0);
  // The toolbar is portalled outside the FluentProvider's element: give it the theme's CSS variables.
  const themeClass = useThemeClassName();
  useEffect(() => {
    bar.className = themeClass;
    bar.style.background = 'transparent';
  }, [bar, themeClass]);

  const describe = useCallback((e: unknown) => (e instanceof RelayError ? err(e.code) : err('INTERNAL')), [err]);

  const open = useCallback(
    async (file: File) => {
      setStatus({ kind: 'none' });
      setPackNote('');
      if (!isOpenable(file.name)) {
        setStatus({ kind: 'error', message: t('wbUnsupported') });
        return;
      }
      if (unsaved.current && !window.confirm(t('wbDiscardConfirm'))) return;
      setBusy('opening');
      try {
        const [{ openFileSession }, bytes] = await Promise.all([
          import(/* webpackChunkName: "workbench" */ './session.js'),
          file.arrayBuffer(),
        ]);
        const next = await openFileSession(file.name.normalize('NFC'), bytes, view);
        sessionRef.current?.close();
        unsaved.current = false;
        setSession(next);
        setGeneration((g) => g + 1);
        setPending({ edits: 0, notes: 0 });
        if (next.parsed.suggestedPack) {
          update({ docType: next.parsed.suggestedPack });
          setPackNote(t('wbPackSuggested', { docType: t(DOC_TYPE_KEY[next.parsed.suggestedPack] ?? 'docGeneral') }));
        }
      } catch (e) {
        setStatus({ kind: 'error', message: describe(e) });
      } finally {
        setBusy(null);
      }
    },
    [t, view, update, describe],
  );

  // The editor or the file's view, never both.
  useEffect(() => {
    editor.hidden = session !== null;
    view.hidden = session === null;
    if (!session) return;
    return session.host.onLedgerChange(() => {
      setPending({ edits: session.ledger.editCount, notes: session.ledger.noteCount });
      unsaved.current = true;
    });
  }, [session, editor, view]);

  // Accepted suggestions not yet saved: the browser asks before the page is left.
  useEffect(() => {
    const guard = (e: BeforeUnloadEvent) => {
      if (!unsaved.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, []);

  // Drag and drop onto the document area.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = 'copy';
      setDropping(true);
    };
    const leave = (e: DragEvent) => {
      if (e.target === dropZone) setDropping(false);
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      e.preventDefault();
      setDropping(false);
      void open(file);
    };
    dropZone.addEventListener('dragover', over);
    dropZone.addEventListener('dragleave', leave);
    dropZone.addEventListener('drop', drop);
    return () => {
      dropZone.removeEventListener('dragover', over);
      dropZone.removeEventListener('dragleave', leave);
      dropZone.removeEventListener('drop', drop);
    };
  }, [dropZone, open]);

  useEffect(() => {
    view.className = styles.view;
  }, [view, styles.view]);

  useEffect(() => {
    // Griffel gives several atomic class names in one string.
    const classes = styles.dropping.split(/\s+/).filter(Boolean);
    if (dropping) dropZone.classList.add(...classes);
    else dropZone.classList.remove(...classes);
  }, [dropZone, dropping, styles.dropping]);

  async function save() {
    if (!session) return;
    if (pending.edits + pending.notes === 0) {
      setStatus({ kind: 'info', message: t('wbNothingToSave') });
      return;
    }
    setBusy('saving');
    setStatus({ kind: 'none' });
    try {
      setStatus({ kind: 'saved', result: await session.save(settings.applyMode) });
      unsaved.current = false;
    } catch (e) {
      setStatus({ kind: 'error', message: describe(e) });
    } finally {
      setBusy(null);
    }
  }

  function close() {
    if (unsaved.current && !window.confirm(t('wbDiscardConfirm'))) return;
    unsaved.current = false;
    session?.close();
    setSession(null);
    setPackNote('');
    setStatus({ kind: 'info', message: t('wbClosed') });
  }

  const toolbar = (
    <div className={styles.bar} data-testid="wb-bar">
      <div className={styles.row}>
        <Button
          appearance={session ? 'secondary' : 'primary'}
          onClick={() => input.current?.click()}
          disabled={busy !== null}
          data-testid="wb-open"
        >
          {t('wbOpen')}
        </Button>
        <input
          ref={input}
          type="file"
          hidden
          accept={OPENABLE_EXTENSIONS.join(',')}
          data-testid="wb-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void open(file);
          }}
        />
        {session && (
          <>
            <Button appearance="primary" onClick={() => void save()} disabled={busy !== null} data-testid="wb-save">
              {busy === 'saving' ? t('wbSaving') : t('wbSave')}
            </Button>
            <Button appearance="subtle" onClick={close} disabled={busy !== null} data-testid="wb-close">
              {t('wbClose')}
            </Button>
          </>
        )}
        {busy === 'opening' && <Text size={200}>{t('wbOpening')}</Text>}
      </div>
      {!session && <Text size={200}>{dropping ? t('wbDropHere') : t('wbOpenHint')}</Text>}
      {session && (
        <Suspense fallback={null}>
          <FileBar session={session} pending={pending} result={status.kind === 'saved' ? status.result : null} />
        </Suspense>
      )}
      {packNote && (
        <Text size={200} role="status" data-testid="wb-pack">
          {packNote}
        </Text>
      )}
      {status.kind === 'error' && (
        <MessageBar intent="error" data-testid="wb-error">
          <MessageBarBody>{status.message}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === 'info' && (
        <Text size={200} role="status" data-testid="wb-info">
          {status.message}
        </Text>
      )}
    </div>
  );

  return (
    <>
      {createPortal(toolbar, bar)}
      <App host={session?.host ?? editorHost} key={session ? `file-${generation}` : 'editor'} />
    </>
  );
}
