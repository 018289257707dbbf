import { render } from 'preact';
import { parseFallbackQuery } from '../../core/fallback.ts';
import { translate } from '../../core/translate/index.ts';
import { prepareDocument } from '../components/i18n.ts';
import { FallbackPage } from './FallbackPage.tsx';
import '../components/base.css';
import './fallback.css';

const parsed = parseFallbackQuery(location.search);
prepareDocument('extName');
const translation = parsed.ok ? translate(parsed.request.url) : undefined;
render(<FallbackPage request={parsed.ok ? parsed.request : undefined} translation={translation} />, document.getElementById('root')!);
