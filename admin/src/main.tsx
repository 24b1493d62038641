import { DecapCmsCore as CMS } from 'decap-cms-core';
import { GiteaBackend } from 'decap-cms-backend-gitea';
import { GitHubBackend } from 'decap-cms-backend-github';
import { GitLabBackend } from 'decap-cms-backend-gitlab';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import boolean from 'decap-cms-widget-boolean';
import image from 'decap-cms-widget-image';
import list from 'decap-cms-widget-list';
import number from 'decap-cms-widget-number';
import object from 'decap-cms-widget-object';
import relation from 'decap-cms-widget-relation';
import select from 'decap-cms-widget-select';
import string from 'decap-cms-widget-string';
import text from 'decap-cms-widget-text';
import siteCss from '../../src/styles/global.css?inline';
import { COLLECTIONS, fileSlug } from '../../src/content-model/model.ts';
import { DATETIME_WIDGET, KEYVALUE_WIDGET, MDX_FORMAT, MDX_WIDGET, SLUG_KEY, YAML_FORMAT } from '../config/names.ts';
import { mdxFormat, yamlFormat } from './formats/index.ts';
import { enLocale, plLocale } from './locale.ts';
import { MdxWidget } from './mdx/MdxWidget.tsx';
import { ArticlePreview, PagePreview } from './preview/templates.tsx';
import { freshEditorPerEntry } from './entry-navigation.ts';
import { addModerationLink } from './moderation-link.ts';
import { guardUploads } from './uploads.ts';
import { KeyValueControl } from './widgets/KeyValueControl.tsx';
import { PolishDateTimeControl } from './widgets/PolishDateTimeControl.tsx';

/**
 * The admin app: Decap CMS core with only what the content model needs (the GitHub, GitLab
 * and Gitea backends for production, as the settings choose; the proxy backend for `decap-server`; the widgets the generated config
 * uses, Polish), the MDX body widget, file formats that keep untouched bytes, and previews
 * styled by the site's stylesheet. The configuration is `config.yml` next to this page,
 * generated from the schemas (`admin/config/`).
 */

/** The entry data Decap hands to event listeners (an Immutable map). */
interface EntryData {
  get(key: string): unknown;
  set(key: string, value: unknown): EntryData;
  toJS(): Record<string, unknown>;
}

CMS.registerBackend('github', GitHubBackend);
CMS.registerBackend('gitlab', GitLabBackend);
CMS.registerBackend('gitea', GiteaBackend);
CMS.registerBackend('proxy', ProxyBackend);
CMS.registerLocale('pl', plLocale);
CMS.registerLocale('en', enLocale);
CMS.registerWidget([string, text, number, boolean, select, relation, list, object, image].map((widget) => widget.Widget()) as never);
CMS.registerWidget(MDX_WIDGET, MdxWidget as never);
CMS.registerWidget(KEYVALUE_WIDGET, KeyValueControl as never);
CMS.registerWidget(DATETIME_WIDGET, PolishDateTimeControl as never);
CMS.registerCustomFormat(MDX_FORMAT, 'mdx', mdxFormat);
CMS.registerCustomFormat(YAML_FORMAT, 'yml', yamlFormat);
CMS.registerPreviewStyle(siteCss, { raw: true });
CMS.registerPreviewTemplate('articles', ArticlePreview);
CMS.registerPreviewTemplate('pages', PagePreview);
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    // The content model is in the first chunk anyway (the upload guard uses it); the validation is not.
    const { entryProblems } = await import('./validation.ts');
    const collection = String(entry.get('collection'));
    const data = entry.get('data') as EntryData;
    const problems = entryProblems(collection, data.toJS());
    if (problems.length > 0) throw new Error(`popraw pola: ${problems.join('; ')}`);
    // The file name of a new entry, made by the one slug function of the project (see SLUG_KEY).
    const model = COLLECTIONS.find((candidate) => candidate.name === collection);
    if (!model?.slugFrom) return undefined;
    const source = data.get(model.slugFrom);
    const slug = fileSlug(typeof source === 'string' ? source : '');
    if (!slug) throw new Error('pole, z którego powstaje nazwa pliku, musi zawierać litery lub cyfry');
    return data.set(SLUG_KEY, slug);
  },
});
guardUploads(window);
freshEditorPerEntry(window);
// In development builds (`npm start`) the console shows "Failed prop type: Invalid prop
// `children` supplied to `ErrorBoundary` (and `Modal`), expected a ReactNode" once at start.
// Upstream: for React 19, which no longer checks propTypes, Decap calls
// `PropTypes.checkPropTypes` itself in its components (decaporg/decap-cms#7365, #7463), and
// prop-types 15.8 judges `PropTypes.node` with react-is 16, which does not know React 19's
// element type (`react.transitional.element`), so any single element child is reported. It
// is a message only; production builds skip prop types.
CMS.init();
void addModerationLink(document);
