import { DecapCmsCore as CMS } from 'decap-cms-core';
import { GiteaBackend } from 'decap-cms-backend-gitea';
import { GitHubBackend } from 'decap-cms-backend-github';
import { GitLabBackend } from 'decap-cms-backend-gitlab';
import { ProxyBackend } from 'decap-cms-backend-proxy';
import pl from 'decap-cms-locales/dist/esm/pl';
import boolean from 'decap-cms-widget-boolean';
import datetime from 'decap-cms-widget-datetime';
import image from 'decap-cms-widget-image';
import list from 'decap-cms-widget-list';
import number from 'decap-cms-widget-number';
import object from 'decap-cms-widget-object';
import relation from 'decap-cms-widget-relation';
import select from 'decap-cms-widget-select';
import string from 'decap-cms-widget-string';
import text from 'decap-cms-widget-text';
import siteCss from '../../src/styles/global.css?inline';
import { KEYVALUE_WIDGET, MDX_FORMAT, MDX_WIDGET, YAML_FORMAT } from '../config/names.ts';
import { mdxFormat, yamlFormat } from './formats/index.ts';
import { MdxWidget } from './mdx/MdxWidget.tsx';
import { ArticlePreview, PagePreview } from './preview/templates.tsx';
import { guardUploads } from './uploads.ts';
import { KeyValueControl } from './widgets/KeyValueControl.tsx';

/**
 * The admin app: Decap CMS core with only what the content model needs (the GitHub, GitLab
 * and Gitea backends for production, as the settings choose; the proxy backend for `decap-server`; the widgets the generated config
 * uses, Polish), the MDX body widget, file formats that keep untouched bytes, and previews
 * styled by the site's stylesheet. The configuration is `config.yml` next to this page,
 * generated from the schemas (`admin/config/`).
 */

CMS.registerBackend('github', GitHubBackend);
CMS.registerBackend('gitlab', GitLabBackend);
CMS.registerBackend('gitea', GiteaBackend);
CMS.registerBackend('proxy', ProxyBackend);
CMS.registerLocale('pl', pl);
CMS.registerWidget(
  [string, text, number, boolean, datetime, select, relation, list, object, image].map((widget) => widget.Widget()) as never,
);
CMS.registerWidget(MDX_WIDGET, MdxWidget as never);
CMS.registerWidget(KEYVALUE_WIDGET, KeyValueControl as never);
CMS.registerCustomFormat(MDX_FORMAT, 'mdx', mdxFormat);
CMS.registerCustomFormat(YAML_FORMAT, 'yml', yamlFormat);
CMS.registerPreviewStyle(siteCss, { raw: true });
CMS.registerPreviewTemplate('articles', ArticlePreview);
CMS.registerPreviewTemplate('pages', PagePreview);
CMS.registerEventListener({
  name: 'preSave',
  handler: async ({ entry }) => {
    const { entryProblems } = await import('./validation.ts');
    const problems = entryProblems(String(entry.get('collection')), (entry.get('data') as { toJS(): Record<string, unknown> }).toJS());
    if (problems.length > 0) throw new Error(`popraw pola: ${problems.join('; ')}`);
    return undefined;
  },
});
guardUploads(window);
CMS.init();
